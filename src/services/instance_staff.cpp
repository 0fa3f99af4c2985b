#include "services/instance_staff.hpp"

#include <algorithm>

namespace vmst::services {

std::vector<store::AccountRecord> instance_staff(store::Connection& c) {
  std::vector<store::LocalAccountSummary> staff;
  for (auto& summary : store::list_local_accounts(c)) {
    if ((summary.role == "admin" || summary.role == "moderator") && summary.approved && !summary.disabled &&
        !summary.suspended) {
      staff.push_back(std::move(summary));
    }
  }
  std::stable_sort(staff.begin(), staff.end(), [](const auto& a, const auto& b) {
    if ((a.role == "admin") != (b.role == "admin")) return a.role == "admin";
    return a.created_at < b.created_at;
  });
  std::vector<int64_t> ids;
  for (const auto& s : staff) ids.push_back(s.account_id);
  auto accounts = store::find_accounts(c, ids);
  std::vector<store::AccountRecord> out;
  for (int64_t id : ids) {
    auto it = std::find_if(accounts.begin(), accounts.end(), [&](const auto& a) { return a.id == id; });
    if (it != accounts.end()) out.push_back(*it);
  }
  return out;
}

}  // namespace vmst::services
