// Server-side render time of the public profile and permalink pages: everything a request does from the handler
// on (database reads, templates), without the socket. Reads the database a vmst config points at; the
// statuses are seeded by run_pages_bench.sh.
//
//   vmst_pages_bench --config vmst.toml --username author --status ID [--runs 2000]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "app/config.hpp"
#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "web/profile_page.hpp"
#include "web/status_page.hpp"
#include "percentile.hpp"

using vmst::bench::percentile;

namespace {

void measure(const char* name, int runs, const std::function<size_t()>& render) {
  std::vector<double> ms;
  size_t bytes = render();  // warm: statement cache, template parse, page cache
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    bytes = render();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("%-28s p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  (%zu bytes, %d runs)\n", name, percentile(ms, 0.5),
              percentile(ms, 0.9), percentile(ms, 0.99), bytes, runs);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"vmst public page render benchmark"};
  std::string config_path, username;
  int64_t status_id = 0;
  int runs = 2000;
  cli.add_option("--config", config_path)->required();
  cli.add_option("--username", username)->required();
  cli.add_option("--status", status_id)->required();
  cli.add_option("--runs", runs);
  CLI11_PARSE(cli, argc, argv);

  auto config = vmst::app::load_config(std::filesystem::path(config_path), {});
  vmst::federation::LocalUrls urls(config.base_url());
  vmst::store::Database db(vmst::store::DatabaseOptions{config.database_path(), 1, config.storage.busy_timeout_ms,
                                                        config.storage.cache_mib});
  vmst::web::PublicPages pages{db, config, urls};
  auto account = *db.read([&](vmst::store::Connection& c) { return vmst::store::find_local_account_by_username(c, username); });
  std::printf("account %s: %lld statuses\n", username.c_str(), static_cast<long long>(account.statuses_count));

  measure("profile, first page", runs, [&] {
    vmst::store::PageRange range;
    range.limit = vmst::web::kProfilePageSize;
    return vmst::web::render_profile_page(pages, account, range).html.size();
  });
  measure("profile, deep page (max_id)", runs, [&] {
    vmst::store::PageRange range;
    range.limit = vmst::web::kProfilePageSize;
    range.max_id = status_id;
    return vmst::web::render_profile_page(pages, account, range).html.size();
  });
  measure("permalink with thread", runs, [&] {
    return vmst::web::render_status_page(pages, account, status_id).html.size();
  });
  return 0;
}
