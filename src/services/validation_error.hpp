#pragma once
// A rejected form with a reason per field, as Mastodon reports registration errors:
//   {"error":"Validation failed: Password is too short (minimum is 8 characters)",
//    "details":{"password":[{"error":"ERR_TOO_SHORT","description":"is too short (minimum is 8 characters)"}]}}
// Mastodon.py's create_account(return_detailed_error=True) hands `details` to the caller, and apps show the
// description next to the field. A ServiceError of kind Invalid, so code that only knows ServiceError still maps it
// to 422; http/error_responses adds the details.
#include <string>
#include <vector>

#include "services/service_error.hpp"

namespace vmst::services {

struct FieldError {
  std::string field;        // "username", "email", "password", "agreement", "locale", "reason"
  std::string code;         // ERR_BLANK, ERR_INVALID, ERR_TAKEN, ERR_RESERVED, ERR_TOO_LONG, ERR_TOO_SHORT,
                            // ERR_ACCEPTED, ERR_INCLUSION
  std::string description;  // "has already been taken": completes the sentence that starts with the field name
};

class ValidationFailed : public ServiceError {
 public:
  explicit ValidationFailed(std::vector<FieldError> errors);
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  std::vector<FieldError> errors_;
};

// "Validation failed: Username has already been taken, Agreement must be accepted".
std::string validation_message(const std::vector<FieldError>& errors);

}  // namespace vmst::services
