#include "services/instance_rules.hpp"

#include <catch2/catch.hpp>
#include <functional>

#include "services/instance_info.hpp"
#include "services/service_error.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;

namespace {
struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  Fixture() { store::apply_migrations(db); }
  std::vector<std::string> texts() {
    std::vector<std::string> out;
    for (const auto& r : services::instance_rules(db)) out.push_back(r.text);
    return out;
  }
};

services::ServiceError::Kind kind_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const services::ServiceError& e) {
    return e.kind();
  }
  FAIL("no ServiceError");
  return services::ServiceError::Kind::Invalid;
}
}  // namespace

TEST_CASE("rules are added at the end with small ids, trimmed, and removed by id", "[instance_rules]") {
  Fixture f;
  auto first = services::add_instance_rule(f.db, "  Be kind  ", " no harassment ");
  auto second = services::add_instance_rule(f.db, "No spam", "");
  CHECK(first.id == 1);
  CHECK(second.id == 2);
  CHECK(first.text == "Be kind");
  CHECK(services::instance_rules(f.db)[0].hint == "no harassment");
  CHECK(f.texts() == std::vector<std::string>{"Be kind", "No spam"});
  services::remove_instance_rule(f.db, 1);
  CHECK(f.texts() == std::vector<std::string>{"No spam"});
  CHECK(kind_of([&] { services::remove_instance_rule(f.db, 1); }) == services::ServiceError::Kind::NotFound);
}

TEST_CASE("a blank or overlong rule is refused and nothing is stored", "[instance_rules]") {
  Fixture f;
  CHECK(kind_of([&] { services::add_instance_rule(f.db, "   ", ""); }) == services::ServiceError::Kind::Invalid);
  CHECK(kind_of([&] { services::add_instance_rule(f.db, std::string(301, 'x'), ""); }) ==
        services::ServiceError::Kind::Invalid);
  CHECK(kind_of([&] { services::add_instance_rule(f.db, "ok", std::string(1001, 'x')); }) ==
        services::ServiceError::Kind::Invalid);
  CHECK(kind_of([&] { services::add_instance_rule(f.db, "caf\xe9", ""); }) == services::ServiceError::Kind::Invalid);
  CHECK(kind_of([&] { services::add_instance_rule(f.db, "ok", std::string("a\0b", 3)); }) ==
        services::ServiceError::Kind::Invalid);
  services::add_instance_rule(f.db, std::string(300, 'x'), "");
  CHECK(f.texts().size() == 1);
}

TEST_CASE("moving a rule keeps the others in order; unknown ids and positions are refused", "[instance_rules]") {
  Fixture f;
  for (const char* text : {"a", "b", "c", "d"}) services::add_instance_rule(f.db, text, "");
  services::move_instance_rule(f.db, 4, 1);
  CHECK(f.texts() == std::vector<std::string>{"d", "a", "b", "c"});
  services::move_instance_rule(f.db, 4, 3);
  CHECK(f.texts() == std::vector<std::string>{"a", "b", "d", "c"});
  CHECK(kind_of([&] { services::move_instance_rule(f.db, 9, 1); }) == services::ServiceError::Kind::NotFound);
  CHECK(kind_of([&] { services::move_instance_rule(f.db, 1, 5); }) == services::ServiceError::Kind::Invalid);
  CHECK(kind_of([&] { services::move_instance_rule(f.db, 1, 0); }) == services::ServiceError::Kind::Invalid);
  // A new rule still goes last.
  services::add_instance_rule(f.db, "e", "");
  CHECK(f.texts().back() == "e");
}
