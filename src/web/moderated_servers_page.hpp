#pragma once
// The moderated servers (/about/moderated-servers), as Mastodon's About page lists them: each limited or
// suspended server with the admin's public reason; a server the admin chose to obfuscate shows with its middle
// letters starred, with the SHA-256 digest of its real name so those who know it can check.
#include <string>
#include <vector>

#include "store/domain_block_store.hpp"
#include "web/public_pages.hpp"

namespace vmst::web {

// The page body for these blocks (a unit of its own for tests).
std::string render_moderated_servers(const std::vector<store::PublicDomainBlock>& blocks);

RenderedHtml render_moderated_servers_page(const PublicPages& pages);

}  // namespace vmst::web
