#pragma once
// SQL for deleting the copies made of a domain's media when it is blocked with reject_media (services/
// domain_media_clear), a batch at a time, and for the emoji of a suspended domain's purge. The domain_blocks row
// carries the media_clear_pending flag until the clear is done.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

void mark_domain_media_clear_pending(Connection& c, const std::string& domain);
void clear_domain_media_clear_pending(Connection& c, const std::string& domain);
// True while the block on `domain` rejects media and has copies left to delete.
bool domain_media_clear_pending(Connection& c, const std::string& domain);
// Every such domain whose block was last set before `blocked_before` (ms), oldest block first.
std::vector<std::string> domains_pending_media_clear(Connection& c,
                                                     int64_t blocked_before = std::numeric_limits<int64_t>::max());

// Up to `limit` of the domain's accounts (its subdomains, any port) that still have an avatar or header, copied or
// only known by its remote URL. Each loses both, as accounts first seen after a reject_media block never have
// them: the copies' rows are deleted and their files (relative to the media folder) returned, to delete once the
// transaction commits. Returns the files; `accounts` tells how many accounts were cleared.
std::vector<std::string> clear_domain_profile_images(Connection& c, const std::string& domain, int limit,
                                                     int& accounts);

// Up to `limit` attachments of the domain's accounts that still have a local file or a type other than "unknown":
// each becomes a mere link to its origin ("unknown", no files, no blurhash), as attachments stored after a
// reject_media block are. Returns the files to delete once the transaction commits; `attachments` counts the rows.
std::vector<std::string> clear_domain_attachment_copies(Connection& c, const std::string& domain, int limit,
                                                        int64_t now, int& attachments);

// Deletes up to `limit` custom emoji of the domain (a reject_media or suspended domain keeps none, as Mastodon
// keeps none). Returns their cached files to delete once the transaction commits; `emojis` counts the rows.
std::vector<std::string> delete_domain_emojis(Connection& c, const std::string& domain, int limit, int& emojis);

}  // namespace vmst::store
