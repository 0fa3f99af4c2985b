#include "convert/mastodon/filter.hpp"

#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

namespace {

nlohmann::json expires_at_json(const store::FilterRecord& f) {
  return f.expires_at ? nlohmann::json(format_iso8601_millis(*f.expires_at)) : nlohmann::json();
}

}  // namespace

nlohmann::json filter_keyword_json(const store::FilterKeywordRecord& k) {
  return {{"id", std::to_string(k.id)}, {"keyword", k.keyword}, {"whole_word", k.whole_word}};
}

nlohmann::json filter_status_json(const store::FilterStatusRecord& s) {
  return {{"id", std::to_string(s.id)}, {"status_id", std::to_string(s.status_id)}};
}

nlohmann::json filter_json(const store::FilterRecord& f, bool with_rules) {
  nlohmann::json json = {
      {"id", std::to_string(f.id)},
      {"title", f.title},
      {"context", f.context},
      {"expires_at", expires_at_json(f)},
      {"filter_action", f.action},
  };
  if (with_rules) {
    nlohmann::json keywords = nlohmann::json::array();
    for (const auto& k : f.keywords) keywords.push_back(filter_keyword_json(k));
    nlohmann::json statuses = nlohmann::json::array();
    for (const auto& s : f.statuses) statuses.push_back(filter_status_json(s));
    json["keywords"] = std::move(keywords);
    json["statuses"] = std::move(statuses);
  }
  return json;
}

nlohmann::json filter_result_json(const store::FilterRecord& filter, const FilterHit& hit) {
  nlohmann::json statuses;
  if (!hit.status_matches.empty()) {
    statuses = nlohmann::json::array();
    for (int64_t id : hit.status_matches) statuses.push_back(std::to_string(id));
  }
  return {
      {"filter", filter_json(filter, false)},
      {"keyword_matches", hit.keyword_matches.empty() ? nlohmann::json() : nlohmann::json(hit.keyword_matches)},
      {"status_matches", std::move(statuses)},
  };
}

nlohmann::json v1_filter_json(const store::FilterRecord& f, const store::FilterKeywordRecord& k) {
  return {
      {"id", std::to_string(k.id)},
      {"phrase", k.keyword},
      {"context", f.context},
      {"whole_word", k.whole_word},
      {"expires_at", expires_at_json(f)},
      {"irreversible", f.action == "hide"},
  };
}

}  // namespace vmst::convert::mastodon
