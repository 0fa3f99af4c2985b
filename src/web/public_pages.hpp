#pragma once
// What every public page handler reads: the database, the configuration and this instance's URLs.
#include "app/config.hpp"
#include "federation/local_urls.hpp"
#include "store/database.hpp"
#include "web/page_layout.hpp"

namespace vmst::web {

struct PublicPages {
  store::Database& db;
  const app::Config& config;
  const federation::LocalUrls& urls;

  SiteInfo site() const { return SiteInfo{config.instance.title, urls.base()}; }
  const std::string& domain() const { return config.instance.domain; }
};

// A page ready to send.
struct RenderedHtml {
  int status = 200;
  std::string html;
};

}  // namespace vmst::web
