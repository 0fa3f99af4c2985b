#include "services/page_fill.hpp"

#include <catch2/catch.hpp>

using namespace vmst;

namespace {

// Ids 1..20 as a store would page them; multiples of three are dropped after reading.
std::vector<int64_t> fetch(const store::IdPage& page) {
  std::vector<int64_t> out;
  if (page.oldest_first()) {
    for (int64_t id = page.lower() + 1; id <= 20 && id < page.upper() && static_cast<int>(out.size()) < page.limit; ++id) {
      out.push_back(id);
    }
    std::reverse(out.begin(), out.end());
  } else {
    for (int64_t id = std::min<int64_t>(20, page.upper() - 1); id > page.lower() && id >= 1 &&
                                                                static_cast<int>(out.size()) < page.limit;
         --id) {
      out.push_back(id);
    }
  }
  return out;
}

std::vector<int64_t> fill(const store::IdPage& page) {
  return services::fill_page<int64_t>(
      page, fetch, [](int64_t id) { return id; },
      [](std::vector<int64_t> ids) {
        std::erase_if(ids, [](int64_t id) { return id % 3 == 0; });
        return ids;
      });
}

}  // namespace

TEST_CASE("a page with dropped rows is filled from further down", "[paging]") {
  using V = std::vector<int64_t>;
  CHECK(fill({std::nullopt, std::nullopt, std::nullopt, 4}) == V{20, 19, 17, 16});
  CHECK(fill({16, std::nullopt, std::nullopt, 4}) == V{14, 13, 11, 10});
  // Short only at the end of the data.
  CHECK(fill({5, std::nullopt, std::nullopt, 4}) == V{4, 2, 1});
}

TEST_CASE("a min_id page is filled upwards and keeps the rows right after min_id", "[paging]") {
  using V = std::vector<int64_t>;
  CHECK(fill({std::nullopt, std::nullopt, 2, 4}) == V{8, 7, 5, 4});
  CHECK(fill({std::nullopt, std::nullopt, 16, 4}) == V{20, 19, 17});
}

TEST_CASE("since_id stays the lower bound while filling", "[paging]") {
  CHECK(fill({std::nullopt, 15, std::nullopt, 4}) == std::vector<int64_t>{20, 19, 17, 16});
  CHECK(fill({std::nullopt, 17, std::nullopt, 4}) == std::vector<int64_t>{20, 19});
}
