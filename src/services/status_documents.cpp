#include "services/status_documents.hpp"

#include "convert/activitystreams/context.hpp"
#include "convert/activitystreams/note.hpp"
#include "services/emoji_usage.hpp"
#include "store/account_store.hpp"
#include "store/media_store.hpp"
#include "store/poll_store.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

namespace {

bool shown_to_anyone(const store::StatusRecord& status) {
  return status.visibility == "public" || status.visibility == "unlisted";
}

// The Note of a local status that is no reblog, without @context, or nullopt.
std::optional<nlohmann::json> note_of(store::Connection& c, const store::StatusRecord& st,
                                      const federation::LocalUrls& urls, bool as_create) {
  auto author = store::find_account(c, st.account_id);
  if (!author) return std::nullopt;
  std::vector<int64_t> mentioned_ids;
  for (auto& [s, account] : store::mentions_of(c, {st.id})) mentioned_ids.push_back(account);
  auto mentioned = store::find_accounts(c, mentioned_ids);
  std::vector<std::string> tags;
  for (auto& [s, name] : store::tags_of(c, {st.id})) tags.push_back(name);
  std::optional<std::string> parent_uri;
  if (st.in_reply_to_id) {
    if (auto parent = store::find_status(c, *st.in_reply_to_id)) parent_uri = parent->uri;
  } else if (st.in_reply_to_uri) {
    parent_uri = st.in_reply_to_uri;
  }
  auto poll = store::find_poll_by_status(c, st.id);
  convert::as::NoteParts parts{st, *author, mentioned, tags, store::media_of_statuses(c, {st.id}), parent_uri,
                               std::nullopt, poll ? &*poll : nullptr, status_emojis(c, st, author->domain)};
  if (st.conversation_id) parts.conversation_uri = urls.base() + "/contexts/" + std::to_string(*st.conversation_id);
  auto doc = as_create ? convert::as::create_note(parts, urls) : convert::as::note(parts, urls);
  doc.erase("@context");
  return doc;
}

}  // namespace

std::optional<nlohmann::json> public_note(store::Connection& c, int64_t status_id, const federation::LocalUrls& urls) {
  auto status = store::find_status(c, status_id);
  if (!status || !status->local || status->reblog_of_id) return std::nullopt;
  if (!shown_to_anyone(*status)) return std::nullopt;
  return local_note(c, status_id, urls);
}

std::optional<nlohmann::json> local_note(store::Connection& c, int64_t status_id, const federation::LocalUrls& urls) {
  auto status = store::find_status(c, status_id);
  if (!status || !status->local || status->reblog_of_id) return std::nullopt;
  auto note = note_of(c, *status, urls, false);
  if (note) (*note)["@context"] = convert::as::object_context();
  return note;
}

std::optional<nlohmann::json> outbox_item(store::Connection& c, int64_t status_id, const federation::LocalUrls& urls) {
  auto status = store::find_status(c, status_id);
  if (!status || !status->local) return std::nullopt;
  if (!status->reblog_of_id) return shown_to_anyone(*status) ? note_of(c, *status, urls, true) : std::nullopt;
  if (status->visibility != "public") return std::nullopt;
  auto original = store::find_status(c, *status->reblog_of_id);
  if (!original || !shown_to_anyone(*original)) return std::nullopt;
  auto booster = store::find_account(c, status->account_id);
  auto original_author = store::find_account(c, original->account_id);
  if (!booster || !original_author) return std::nullopt;
  auto announce = convert::as::announce(*status, *booster, *original, *original_author);
  announce.erase("@context");
  return announce;
}

}  // namespace vmst::services
