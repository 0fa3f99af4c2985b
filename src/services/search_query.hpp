#pragma once
// Reading a search box's text the way Mastodon's SearchService does: what kind of query it is, which of accounts,
// statuses and hashtags it may find, and the safe FTS5 expression for full-text search. Pure functions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vmst::services {

struct SearchScopes {
  bool accounts = false;  // not a #tag, and not "@handle with spaces"
  bool statuses = false;  // needs a signed-in viewer; not a lone #tag or @handle
  bool hashtags = false;  // no @ in it
};

// `type` is "", "accounts", "statuses" or "hashtags".
SearchScopes search_scopes(std::string_view query, std::string_view type, bool signed_in);

bool is_url_query(std::string_view query);

// The words of a full-text query, as the user meant them.
struct TextQuery {
  std::vector<std::string> words;     // each a word or a "quoted phrase" (quotes removed)
  std::vector<std::string> excluded;  // -word
  std::optional<std::string> from;    // from:handle (leading @ removed)
};

// Splits on white space, keeps "quoted phrases" together, reads -word and from:; other operators Mastodon knows
// (has:, is:, language:, before:, after:, during:, in:) are dropped rather than searched for as words.
TextQuery parse_text_query(std::string_view query);

// An FTS5 MATCH expression for the query: every word must match ("w1" "w2" NOT "x"), each quoted so that no user
// input is read as FTS5 syntax. nullopt when no searchable word remains.
std::optional<std::string> fts_expression(const TextQuery& query);

// The tag name a hashtag query asks for ("#Café" -> "Café"); nullopt when it is not a possible tag name.
std::optional<std::string> hashtag_query(std::string_view query);

}  // namespace vmst::services
