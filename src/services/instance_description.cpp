#include "services/instance_description.hpp"

#include <nlohmann/json.hpp>

#include "services/media.hpp"
#include "services/service_error.hpp"
#include "store/instance_setting_store.hpp"
#include "text/status_text_trim.hpp"
#include "text/utf8_validation.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {
constexpr const char* kDescriptionKey = "short_description";
}  // namespace

std::string set_instance_description(store::Database& db, const std::string& text) {
  std::string trimmed(text::strip_status_text(text));
  if (!text::is_valid_utf8_text(trimmed)) {
    throw ServiceError(ServiceError::Kind::Invalid, "the description is not UTF-8 text");
  }
  if (character_count(trimmed) > kShortDescriptionLimit) {
    throw ServiceError(ServiceError::Kind::Invalid, "the description is too long (" +
                                                        std::to_string(character_count(trimmed)) +
                                                        " characters; at most " +
                                                        std::to_string(kShortDescriptionLimit) + ")");
  }
  const std::string value = nlohmann::json(trimmed).dump();
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
