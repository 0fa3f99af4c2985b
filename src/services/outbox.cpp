#include "services/outbox.hpp"

namespace vmst::services {

void Outbox::send(store::Connection& c, const store::AccountRecord& sender, const nlohmann::json& activity,
                  const std::vector<std::string>& inboxes, int64_t now) {
  std::vector<std::string> targets;
  for (const auto& inbox : inboxes)
    if (!inbox.empty()) targets.push_back(inbox);
  if (targets.empty()) return;
  enqueue_(c, sender.id, activity.dump(), targets, now);
  sent_ = true;
}

}  // namespace vmst::services
