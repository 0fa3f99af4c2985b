#include "store/data_dir_lock.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using namespace vmst;

TEST_CASE("a data folder's lock is held by one holder at a time and freed when it goes", "[data_dir_lock]") {
  testing::TempDir dir;
  auto data_dir = dir.path() / "data";
  {
    auto first = store::DataDirLock::try_acquire(data_dir);
    REQUIRE(first);
    CHECK(std::filesystem::exists(data_dir / "vmst.lock"));
    CHECK_FALSE(store::DataDirLock::try_acquire(data_dir));
    auto moved = std::move(*first);
    first.reset();  // the moved-from lock releases nothing
    CHECK_FALSE(store::DataDirLock::try_acquire(data_dir));
  }
  CHECK(store::DataDirLock::try_acquire(data_dir));
}
