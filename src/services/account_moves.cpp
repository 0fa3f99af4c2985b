#include "services/account_moves.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "services/follows.hpp"
#include "services/service_error.hpp"
#include "store/account_move_store.hpp"

namespace vmst::services {

namespace {
bool lists_alias(const store::AccountRecord& target, const std::string& uri) {
  auto aliases = nlohmann::json::parse(target.also_known_as_json, nullptr, false);
  if (!aliases.is_array()) return false;
  return std::any_of(aliases.begin(), aliases.end(), [&](const nlohmann::json& a) { return a.is_string() && a == uri; });
}

std::optional<std::vector<std::string>> languages_of(const store::FollowRecord& row) {
  if (!row.languages_json) return std::nullopt;
  auto parsed = nlohmann::json::parse(*row.languages_json, nullptr, false);
  if (!parsed.is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& language : parsed) {
    if (language.is_string()) out.push_back(language.get<std::string>());
  }
  return out;
}
}  // namespace

std::optional<std::string> move_refusal(const store::AccountRecord& origin, const std::string& object_id,
                                        const store::AccountRecord& target) {
  if (object_id != origin.uri) return "the Move's object is not its actor";
  if (target.id == origin.id || target.uri == origin.uri) return "an account cannot move to itself";
  if (target.suspended_at) return "the target account is suspended";
  if (target.moved_to_account_id) return "the target account has moved on itself";
  if (!lists_alias(target, origin.uri)) return "the target does not list the account in alsoKnownAs";
  return std::nullopt;
}

int move_followers(store::Connection& c, Outbox& outbox, const store::AccountRecord& origin,
                   const store::AccountRecord& target, int64_t now) {
  store::set_moved_to(c, origin.id, target.id);
  int moved = 0;
  for (const auto& row : store::local_followers(c, origin.id)) {
    auto follower = store::find_account(c, row.account_id);
    if (!follower || follower->id == target.id) continue;
    FollowOptions options{row.show_reblogs, row.notify, languages_of(row)};
    try {
      follow(c, outbox, *follower, target, options, now);
    } catch (const ServiceError&) {
      continue;  // blocked either way: this follower keeps following the old account
    }
    unfollow(c, outbox, *follower, origin, now);
    ++moved;
  }
  return moved;
}

}  // namespace vmst::services
