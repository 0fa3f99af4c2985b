#include "streaming/session_registry.hpp"

#include <vector>

namespace vmst::streaming {

uint64_t SessionRegistry::add(std::weak_ptr<ClosableSession> session) {
  if (closing_) {
    if (auto live = session.lock()) live->close_now();
    return 0;
  }
  uint64_t id = next_id_++;
  sessions_.emplace(id, std::move(session));
  count_ = sessions_.size();
  return id;
}

void SessionRegistry::remove(uint64_t id) {
  sessions_.erase(id);
  count_ = sessions_.size();
}

void SessionRegistry::close_all() {
  closing_ = true;
  // close_now() may remove sessions from the map: walk a copy.
  std::vector<std::weak_ptr<ClosableSession>> all;
  all.reserve(sessions_.size());
  for (const auto& [id, session] : sessions_) all.push_back(session);
  for (auto& session : all) {
    if (auto live = session.lock()) live->close_now();
  }
  sessions_.clear();
  count_ = 0;
}

}  // namespace vmst::streaming
