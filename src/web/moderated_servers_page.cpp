#include "web/moderated_servers_page.hpp"

#include "convert/mastodon/domain_block.hpp"
#include "crypto/encoding.hpp"
#include "services/instance_info.hpp"
#include "web/page_templates.hpp"

namespace vmst::web {

std::string render_moderated_servers(const std::vector<store::PublicDomainBlock>& blocks) {
  TemplateList limited, suspended;
  for (const auto& block : blocks) {
    TemplateData b;
    b.set("domain", convert::mastodon::public_domain(block.domain, block.obfuscate));
    b.set("obfuscated", block.obfuscate);
    b.set("digest", crypto::hex_encode(crypto::sha256(block.domain)));
    b.set("comment", text_or_false(block.public_comment));
    (block.severity == "suspend" ? suspended : limited).push_back(b);
  }
  TemplateData d;
  d.set("limited", limited);
  d.set("has_limited", !limited.empty());
  d.set("suspended", suspended);
  d.set("has_suspended", !suspended.empty());
  d.set("none", blocks.empty());
  return render_template("moderated_servers", d);
}

RenderedHtml render_moderated_servers_page(const PublicPages& pages) {
  PageMeta meta;
  meta.title = "Moderated servers";
  meta.description = "Servers " + pages.config.instance.title + " limits or blocks, and why.";
  meta.canonical_url = pages.urls.base() + "/about/moderated-servers";
  return RenderedHtml{200, render_page(pages.site(), meta, render_moderated_servers(services::public_domain_blocks(pages.db)))};
}

}  // namespace vmst::web
