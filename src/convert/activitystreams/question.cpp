#include "convert/activitystreams/question.hpp"

#include "convert/activitystreams/context.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::as {

namespace {

// Peers that sent thousands of options would only waste our storage; Mastodon keeps polls small too.
constexpr size_t kMaxRemoteOptions = 20;

int64_t total_items(const nlohmann::json& option) {
  auto replies = option.find("replies");
  if (replies == option.end() || !replies->is_object()) return 0;
  auto total = replies->find("totalItems");
  if (total == replies->end() || !total->is_number_integer()) return 0;
  return std::max<int64_t>(0, total->get<int64_t>());
}

}  // namespace

void add_question_fields(nlohmann::json& note, const store::PollRecord& poll, int64_t now) {
  note["type"] = "Question";
  nlohmann::json options = nlohmann::json::array();
  for (size_t i = 0; i < poll.options.size(); ++i) {
    const int64_t count = i < poll.votes_counts.size() ? poll.votes_counts[i] : 0;
    options.push_back({{"type", "Note"},
                       {"name", poll.options[i]},
                       {"replies", {{"type", "Collection"}, {"totalItems", count}}}});
  }
  note[poll.multiple ? "anyOf" : "oneOf"] = std::move(options);
  if (poll.expires_at) {
    note["endTime"] = format_iso8601_seconds(*poll.expires_at);
    if (*poll.expires_at <= now) note["closed"] = format_iso8601_seconds(*poll.expires_at);
  }
  note["votersCount"] = poll.voters_count.value_or(0);
}

nlohmann::json update_question(const nlohmann::json& question, const std::string& actor_uri, int64_t now) {
  nlohmann::json object = question;
  object.erase("@context");
  return {{"@context", object_context()},
          {"id", question.value("id", actor_uri) + "#updates/" + std::to_string(now)},
          {"type", "Update"},
          {"actor", actor_uri},
          {"published", format_iso8601_seconds(now)},
          {"to", object.value("to", nlohmann::json::array())},
          {"cc", object.value("cc", nlohmann::json::array())},
          {"object", std::move(object)}};
}

nlohmann::json vote_create(const store::AccountRecord& voter, int64_t vote_id, const std::string& question_uri,
                           const std::string& poll_author_uri, const std::string& option_title, int64_t now) {
  const std::string id = voter.uri + "#votes/" + std::to_string(vote_id);
  nlohmann::json to = nlohmann::json::array({poll_author_uri});
  return {{"@context", kActivityStreams},
          {"id", id + "/activity"},
          {"type", "Create"},
          {"actor", voter.uri},
          {"published", format_iso8601_seconds(now)},
          {"to", to},
          {"object",
           {{"id", id},
            {"type", "Note"},
            {"name", option_title},
            {"attributedTo", voter.uri},
            {"inReplyTo", question_uri},
            {"to", to}}}};
}

std::optional<RemotePoll> parse_question_poll(const nlohmann::json& object) {
  if (!object.is_object()) return std::nullopt;
  RemotePoll poll;
  const nlohmann::json* list = nullptr;
  if (auto it = object.find("anyOf"); it != object.end() && (it->is_array() || it->is_object())) {
    list = &*it;
    poll.multiple = true;
  } else if (auto one = object.find("oneOf"); one != object.end() && (one->is_array() || one->is_object())) {
    list = &*one;
  }
  if (!list) return std::nullopt;
  // JSON-LD compaction writes a single option as an object.
  nlohmann::json items = list->is_array() ? *list : nlohmann::json::array({*list});
  for (const auto& option : items) {
    if (!option.is_object()) continue;
    auto name = option.find("name");
    if (name == option.end() || !name->is_string() || name->get<std::string>().empty()) continue;
    poll.options.push_back(name->get<std::string>());
    poll.votes_counts.push_back(total_items(option));
    if (poll.options.size() >= kMaxRemoteOptions) break;
  }
  if (poll.options.empty()) return std::nullopt;
  if (auto end = object.find("endTime"); end != object.end() && end->is_string()) {
    poll.expires_at = parse_iso8601(end->get<std::string>());
  }
  if (!poll.expires_at) {
    if (auto closed = object.find("closed"); closed != object.end() && closed->is_string()) {
      poll.expires_at = parse_iso8601(closed->get<std::string>());
    }
  }
  if (auto voters = object.find("votersCount"); voters != object.end() && voters->is_number_integer()) {
    poll.voters_count = std::max<int64_t>(0, voters->get<int64_t>());
  }
  return poll;
}

}  // namespace vmst::convert::as
