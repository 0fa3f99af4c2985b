#include "services/instance_rules.hpp"

#include <algorithm>

#include "services/media.hpp"
#include "services/service_error.hpp"
#include "store/instance_rule_store.hpp"
#include "text/status_text_trim.hpp"
#include "text/utf8_validation.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;

// Stripped as Mastodon strips form input (Ruby's String#strip), the same rule as for status text.
std::string stripped(const std::string& text) { return std::string(text::strip_status_text(text)); }

[[noreturn]] void no_such_rule(int64_t id) {
  throw ServiceError(Kind::NotFound, "no rule with id " + std::to_string(id) + " (see `vmst rules list`)");
}

}  // namespace

store::InstanceRule add_instance_rule(store::Database& db, const std::string& text, const std::string& hint) {
  store::InstanceRule rule{0, stripped(text), stripped(hint)};
  if (!text::is_valid_utf8_text(rule.text) || !text::is_valid_utf8_text(rule.hint)) {
    throw ServiceError(Kind::Invalid, "the rule is not UTF-8 text");
  }
  if (rule.text.empty()) throw ServiceError(Kind::Invalid, "the rule text is blank");
  if (character_count(rule.text) > kRuleTextLimit) {
    throw ServiceError(Kind::Invalid, "the rule text is too long (" + std::to_string(character_count(rule.text)) +
                                          " characters; at most " + std::to_string(kRuleTextLimit) + ")");
  }
  if (character_count(rule.hint) > kRuleHintLimit) {
    throw ServiceError(Kind::Invalid, "the hint is too long (" + std::to_string(character_count(rule.hint)) +
                                          " characters; at most " + std::to_string(kRuleHintLimit) + ")");
  }
  db.write([&](store::Connection& c) {
    rule.id = store::next_instance_rule_id(c);
    store::insert_instance_rule(c, rule.id, rule.text, rule.hint, now_millis());
  });
  return rule;
}

void remove_instance_rule(store::Database& db, int64_t id) {
  bool removed = db.write([&](store::Connection& c) { return store::delete_instance_rule(c, id); });
  if (!removed) no_such_rule(id);
}

std::vector<store::InstanceRule> move_instance_rule(store::Database& db, int64_t id, int position) {
  return db.write([&](store::Connection& c) {
    auto rules = store::instance_rules(c);
    auto it = std::find_if(rules.begin(), rules.end(), [&](const auto& r) { return r.id == id; });
    if (it == rules.end()) no_such_rule(id);
    if (position < 1 || position > static_cast<int>(rules.size())) {
      throw ServiceError(Kind::Invalid, "position " + std::to_string(position) + " is out of range (1 to " +
                                            std::to_string(rules.size()) + ")");
    }
    store::InstanceRule moved = *it;
    rules.erase(it);
    rules.insert(rules.begin() + (position - 1), moved);
    std::vector<int64_t> ids;
    for (const auto& r : rules) ids.push_back(r.id);
    store::renumber_instance_rules(c, ids, now_millis());
    return rules;
  });
}

}  // namespace vmst::services
