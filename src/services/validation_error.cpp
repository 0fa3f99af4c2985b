#include "services/validation_error.hpp"

#include <cctype>

namespace vmst::services {

namespace {
// "username" -> "Username", "sign_up_reason" -> "Sign up reason": Rails' humanized attribute names.
std::string humanize(const std::string& field) {
  std::string out = field;
  for (auto& ch : out) {
    if (ch == '_') ch = ' ';
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}
}  // namespace

std::string validation_message(const std::vector<FieldError>& errors) {
  std::string out = "Validation failed: ";
  for (size_t i = 0; i < errors.size(); ++i) {
    if (i > 0) out += ", ";
    out += humanize(errors[i].field) + " " + errors[i].description;
  }
  return out;
}

ValidationFailed::ValidationFailed(std::vector<FieldError> errors)
    : ServiceError(Kind::Invalid, validation_message(errors)), errors_(std::move(errors)) {}

}  // namespace vmst::services
