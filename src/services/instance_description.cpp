#include "services/instance_description.hpp"

#include <nlohmann/json.hpp>

#include "services/media.hpp"
#include "services/service_error.hpp"
#include "store/instance_setting_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {
constexpr const char* kDescriptionKey = "short_description";
}  // namespace

std::string set_instance_description(store::Database& db, const std::string& text) {
  const char* space = " \t\r\n";
  auto first = text.find_first_not_of(space);
  std::string trimmed = first == std::string::npos ? "" : text.substr(first, text.find_last_not_of(space) - first + 1);
  if (character_count(trimmed) > kShortDescriptionLimit) {
    throw ServiceError(ServiceError::Kind::Invalid, "the description is too long (" +
                                                        std::to_string(character_count(trimmed)) +
                                                        " characters; at most " +
                                                        std::to_string(kShortDescriptionLimit) + ")");
  }
  // dump() refuses invalid UTF-8, which is the check wanted here.
  std::string value;
  try {
    value = nlohmann::json(trimmed).dump();
  } catch (const nlohmann::json::type_error&) {
    throw ServiceError(ServiceError::Kind::Invalid, "the description is not UTF-8 text");
  }
  db.write([&](store::Connection& c) {
    if (trimmed.empty()) {
      store::remove_instance_setting(c, kDescriptionKey);
    } else {
      store::put_instance_setting_json(c, kDescriptionKey, value, now_millis());
    }
  });
  return trimmed;
}

std::string instance_description(store::Connection& c) {
  auto text = store::instance_setting_json(c, kDescriptionKey);
  if (!text) return "";
  auto value = nlohmann::json::parse(*text, nullptr, false);
  return value.is_string() ? value.get<std::string>() : "";
}

}  // namespace vmst::services
