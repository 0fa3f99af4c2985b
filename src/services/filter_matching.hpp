#pragma once
// How a user's filters match a status, following Mastodon (CustomFilter.apply_cached_filters): keywords are found
// case-insensitively in the status's searchable text (content warning, content as plain text, media descriptions);
// a whole-word keyword needs a word boundary at each end that is a word character (Ruby's \b, Unicode-aware); a
// filter's statuses match the status or the one it reblogs.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "store/filter_store.hpp"
#include "store/media_store.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

enum class FilterContext { Home, Notifications, Public, Thread, Account };

std::string_view filter_context_name(FilterContext context);

// What keywords are matched against: the spoiler text, the content as plain text and the media descriptions,
// separated by blank lines so that no match spans two of them.
std::string searchable_text(const store::StatusRecord& status, const std::vector<store::MediaRecord>& media);

// The first occurrence of keyword in text as written in the text, or nullopt.
std::optional<std::string> find_keyword(std::string_view text, std::string_view keyword, bool whole_word);

// Matches statuses against a set of filters; the keywords are prepared once.
class FilterMatcher {
 public:
  explicit FilterMatcher(const std::vector<store::FilterRecord>& filters);

  // Hits for a status (reblog_of_id set for a reblog; text is the searchable text of the reblogged status then).
  // FilterHit::filter indexes the filters given to the constructor.
  std::vector<convert::mastodon::FilterHit> match(int64_t status_id, std::optional<int64_t> reblog_of_id,
                                                  std::string_view text) const;

  bool has_keywords() const { return has_keywords_; }

 private:
  struct Keyword {
    std::u32string folded;
    bool word_start = false;  // the keyword begins with a word character: a boundary is needed before it
    bool word_end = false;
  };
  struct Prepared {
    std::vector<Keyword> keywords;
    std::vector<int64_t> status_ids;
  };
  std::vector<Prepared> filters_;
  bool has_keywords_ = false;
};

}  // namespace vmst::services
