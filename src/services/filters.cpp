#include "services/filters.hpp"

#include <algorithm>
#include <cctype>

#include "services/service_error.hpp"
#include "services/status_views.hpp"
#include "store/ids.hpp"
#include "text/trim.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

// Streaming clients re-read their filters on `filters_changed` (published after COMMIT, never for a rolled-back
// change).
void filters_changed(store::Connection& c, int64_t owner) {
  c.record_event({store::CommitEvent::Kind::FiltersChanged, 0, 0, {owner}, {}});
}

[[noreturn]] void not_found() { throw ServiceError(ServiceError::Kind::NotFound, "Record not found"); }

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char ch) { return std::isspace(ch); });
}

// Mastodon's shape for model validation errors, several joined by ", ".
class Problems {
 public:
  void add(std::string problem) {
    if (std::find(list_.begin(), list_.end(), problem) == list_.end()) list_.push_back(std::move(problem));
  }
  void raise_if_any() const {
    if (list_.empty()) return;
    std::string message = "Validation failed: ";
    for (size_t i = 0; i < list_.size(); ++i) message += (i ? ", " : "") + list_[i];
    throw ServiceError(ServiceError::Kind::Invalid, message);
  }

 private:
  std::vector<std::string> list_;
};

store::FilterRecord owned(store::Connection& c, int64_t owner, int64_t filter_id) {
  auto filter = store::find_filter(c, owner, filter_id);
  if (!filter) not_found();
  return *filter;
}

// Applies title, context, action and expiry to the filter, and checks the result.
void apply_fields(store::FilterRecord& filter, const FilterChanges& changes, int64_t now, Problems& problems) {
  if (changes.title) filter.title = *changes.title;
  if (changes.context) {
    // Blank entries are dropped, as Mastodon normalises context.
    filter.context.clear();
    for (const auto& entry : *changes.context) {
      std::string name(text::trim(entry, text::kSpacesTabsAndLineBreaks));
      if (!name.empty() && std::find(filter.context.begin(), filter.context.end(), name) == filter.context.end()) {
        filter.context.push_back(std::move(name));
      }
    }
  }
  if (changes.action) filter.action = *changes.action == "blur_media" ? "blur" : *changes.action;
  if (changes.expires_in_seconds) {
    const auto& seconds = *changes.expires_in_seconds;
    if (seconds && *seconds < 0) problems.add("Expires in must be greater than or equal to 0");
    filter.expires_at = seconds ? std::optional<int64_t>(now + *seconds * 1000) : std::nullopt;
  }
  if (blank(filter.title)) problems.add("Title can't be blank");
  if (filter.context.empty()) problems.add("Context can't be blank");
  const auto& known = filter_contexts();
  if (filter.context.empty() || std::any_of(filter.context.begin(), filter.context.end(), [&](const auto& name) {
        return std::find(known.begin(), known.end(), name) == known.end();
      })) {
    problems.add("Context None or invalid context supplied");
  }
  if (filter.action != "warn" && filter.action != "hide" && filter.action != "blur") {
    problems.add("Filter action is not included in the list");
  }
}

// keywords_attributes, applied to a filter that is already stored (or about to be, in the same transaction).
void apply_keywords(store::Connection& c, const store::FilterRecord& filter, const std::vector<KeywordChange>& changes,
                    bool creating, Problems& problems) {
  for (const auto& change : changes) {
    if (change.id) {
      // On create an id names nothing yet: Mastodon answers 404 there too.
      auto it = std::find_if(filter.keywords.begin(), filter.keywords.end(),
                             [&](const auto& k) { return k.id == *change.id; });
      if (creating || it == filter.keywords.end()) not_found();
      if (change.destroy) {
        store::delete_filter_keyword(c, it->id);
        continue;
      }
      auto keyword = *it;
      if (change.keyword) keyword.keyword = *change.keyword;
      if (change.whole_word) keyword.whole_word = *change.whole_word;
      if (blank(keyword.keyword)) {
        problems.add("Keywords keyword can't be blank");
        continue;
      }
      store::update_filter_keyword(c, keyword);
      continue;
    }
    if (change.destroy) continue;
    // Rails' reject_if: :all_blank skips an entry that carries nothing.
    if (!change.keyword && !change.whole_word) continue;
    if (!change.keyword || blank(*change.keyword)) {
      problems.add("Keywords keyword can't be blank");
      continue;
    }
    store::insert_filter_keyword(c, {store::next_id(), filter.id, *change.keyword, change.whole_word.value_or(true)});
  }
}

store::FilterKeywordRecord owned_keyword(store::Connection& c, int64_t owner, int64_t keyword_id) {
  auto keyword = store::find_filter_keyword(c, owner, keyword_id);
  if (!keyword) not_found();
  return *keyword;
}

}  // namespace

const std::vector<std::string>& filter_contexts() {
  static const std::vector<std::string> kContexts = {"home", "notifications", "public", "thread", "account"};
  return kContexts;
}

std::vector<store::FilterRecord> list_filters(store::Database& db, int64_t owner) {
  return db.read([&](store::Connection& c) { return store::filters_of(c, owner); });
}

store::FilterRecord get_filter(store::Database& db, int64_t owner, int64_t filter_id) {
  return db.read([&](store::Connection& c) { return owned(c, owner, filter_id); });
}

store::FilterRecord create_filter(store::Database& db, int64_t owner, const FilterChanges& fields) {
  return db.write([&](store::Connection& c) {
    filters_changed(c, owner);
    const int64_t now = now_millis();
    store::FilterRecord filter;
    filter.id = store::next_id();
    filter.account_id = owner;
    filter.created_at = now;
    Problems problems;
    apply_fields(filter, fields, now, problems);
    problems.raise_if_any();
    store::insert_filter(c, filter);
    apply_keywords(c, filter, fields.keywords, true, problems);
    problems.raise_if_any();  // rolls the whole filter back
    return owned(c, owner, filter.id);
  });
}

store::FilterRecord update_filter(store::Database& db, int64_t owner, int64_t filter_id, const FilterChanges& changes) {
  return db.write([&](store::Connection& c) {
    filters_changed(c, owner);
    auto filter = owned(c, owner, filter_id);
    Problems problems;
    apply_fields(filter, changes, now_millis(), problems);
    problems.raise_if_any();
    store::update_filter(c, filter);
    apply_keywords(c, filter, changes.keywords, false, problems);
    problems.raise_if_any();
    return owned(c, owner, filter_id);
  });
}

void delete_filter(store::Database& db, int64_t owner, int64_t filter_id) {
  db.write([&](store::Connection& c) {
    filters_changed(c, owner);
    owned(c, owner, filter_id);
    store::delete_filter(c, filter_id);
  });
}

std::vector<store::FilterKeywordRecord> filter_keywords(store::Database& db, int64_t owner, int64_t filter_id) {
  return db.read([&](store::Connection& c) { return owned(c, owner, filter_id).keywords; });
}

store::FilterKeywordRecord add_filter_keyword(store::Database& db, int64_t owner, int64_t filter_id,
                                              const std::optional<std::string>& keyword,
                                              std::optional<bool> whole_word) {
  return db.write([&](store::Connection& c) {
    filters_changed(c, owner);
    owned(c, owner, filter_id);
    if (!keyword || blank(*keyword)) {
      throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Keyword can't be blank");
    }
    store::FilterKeywordRecord record{store::next_id(), filter_id, *keyword, whole_word.value_or(true)};
    store::insert_filter_keyword(c, record);
    return record;
  });
}

store::FilterKeywordRecord get_filter_keyword(store::Database& db, int64_t owner, int64_t keyword_id) {
  return db.read([&](store::Connection& c) { return owned_keyword(c, owner, keyword_id); });
}

store::FilterKeywordRecord update_filter_keyword(store::Database& db, int64_t owner, int64_t keyword_id,
                                                 const std::optional<std::string>& keyword,
                                                 std::optional<bool> whole_word) {
  return db.write([&](store::Connection& c) {
    filters_changed(c, owner);
    auto record = owned_keyword(c, owner, keyword_id);
    if (keyword) record.keyword = *keyword;
    if (whole_word) record.whole_word = *whole_word;
    if (blank(record.keyword)) {
      throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Keyword can't be blank");
    }
    store::update_filter_keyword(c, record);
    return record;
  });
}

void delete_filter_keyword(store::Database& db, int64_t owner, int64_t keyword_id) {
  db.write([&](store::Connection& c) {
    filters_changed(c, owner);
    owned_keyword(c, owner, keyword_id);
    store::delete_filter_keyword(c, keyword_id);
  });
}

std::vector<store::FilterStatusRecord> filter_statuses(store::Database& db, int64_t owner, int64_t filter_id) {
  return db.read([&](store::Connection& c) { return owned(c, owner, filter_id).statuses; });
}

store::FilterStatusRecord add_filter_status(store::Database& db, int64_t owner, int64_t filter_id,
                                            std::optional<int64_t> status_id) {
  return db.write([&](store::Connection& c) {
    filters_changed(c, owner);
    auto filter = owned(c, owner, filter_id);
    if (!status_id) throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Status can't be blank");
    visible_status(c, *status_id, owner);
    if (std::any_of(filter.statuses.begin(), filter.statuses.end(),
                    [&](const auto& s) { return s.status_id == *status_id; })) {
      throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Status has already been taken");
    }
    store::FilterStatusRecord record{store::next_id(), filter_id, *status_id};
    store::insert_filter_status(c, record);
    return record;
  });
}

store::FilterStatusRecord get_filter_status(store::Database& db, int64_t owner, int64_t id) {
  return db.read([&](store::Connection& c) {
    auto record = store::find_filter_status(c, owner, id);
    if (!record) not_found();
    return *record;
  });
}

void delete_filter_status(store::Database& db, int64_t owner, int64_t id) {
  db.write([&](store::Connection& c) {
    filters_changed(c, owner);
    if (!store::find_filter_status(c, owner, id)) not_found();
    store::delete_filter_status(c, id);
  });
}

}  // namespace vmst::services
