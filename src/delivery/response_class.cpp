#include "delivery/response_class.hpp"

namespace vmst::delivery {

ResponseClass classify_status(int status) {
  if (status >= 200 && status < 300) return ResponseClass::Delivered;
  if (status == 410) return ResponseClass::Gone;
  if (status >= 400 && status < 500 && status != 401 && status != 408 && status != 429) return ResponseClass::Rejected;
  if (status == 501) return ResponseClass::Rejected;
  return ResponseClass::Retry;
}

bool host_answered_sanely(ResponseClass response_class) { return response_class != ResponseClass::Retry; }

std::string status_class_name(int status) {
  if (status == 0) return "network";
  if (status >= 200 && status < 600) return std::to_string(status / 100) + "xx";
  return "other";
}

}  // namespace vmst::delivery
