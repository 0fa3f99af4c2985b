#pragma once
// SQL for admin domain blocks (the moderation issue adds the rest of their management).
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

// True when `domain` or a parent domain of it is suspended (a block on example.com covers a.example.com).
// A port in `domain` is ignored: blocks name hosts.
bool is_domain_suspended(Connection& c, const std::string& domain);

struct PublicDomainBlock {
  std::string domain;
  std::string severity;  // silence | suspend
  std::string public_comment;
  bool obfuscate = false;
};

// The blocks that limit what users see (silence and suspend; noop blocks only reject media or reports), ordered
// as Mastodon lists them: silenced before suspended, then by domain.
std::vector<PublicDomainBlock> user_facing_domain_blocks(Connection& c);

}  // namespace vmst::store
