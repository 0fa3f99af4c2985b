#pragma once
// Domain block lists as admins share them: Mastodon's CSV export
// (#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate) and JSON, either the admin shape
// (the CSV's fields, plus private_comment) or the public shape of GET /api/v1/instance/domain_blocks
// ({domain, digest, severity, comment}).
//
// Parsing only reads the file: the domain, severity and flags are checked by services/domain_blocks when the list
// is applied, so every problem is reported with its line (CSV) or entry number (JSON).
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/domain_block_store.hpp"

namespace vmst::convert::mastodon {

class DomainBlockListError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ListedDomainBlock {
  std::string where;  // "line 3" or "entry 2", for messages
  store::DomainBlockRecord block;
};

// A CSV with a header row naming the columns (any order, '#' prefixes optional; only #domain is required), or, as
// Mastodon also accepts, one domain per line without a header. Quoted fields may hold commas, quotes ("") and line
// breaks. Blank lines are skipped. Throws DomainBlockListError naming the line for a broken quote, an unknown
// severity spelling or a boolean that is not true/false.
std::vector<ListedDomainBlock> parse_domain_block_csv(std::string_view text);

// A JSON array of objects in either shape. Entries whose domain is obfuscated (contains '*') cannot be applied and
// are returned with the domain as given; the caller skips them. Throws DomainBlockListError naming the entry.
std::vector<ListedDomainBlock> parse_domain_block_json(std::string_view text);

// True when the text looks like JSON (starts with '[' or '{' after whitespace).
bool looks_like_json(std::string_view text);

// Mastodon's CSV export of these blocks (header row first, private comments left out as Mastodon does).
std::string domain_blocks_csv(const std::vector<store::DomainBlockRecord>& blocks);

// The admin JSON shape, private comments included (an export is for the admin's own use).
nlohmann::json domain_blocks_json(const std::vector<store::DomainBlockRecord>& blocks);

}  // namespace vmst::convert::mastodon
