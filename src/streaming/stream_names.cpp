#include "streaming/stream_names.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "streaming/topics.hpp"

namespace vmst::streaming {

namespace {

constexpr std::string_view kSsePrefix = "/api/v1/streaming/";

StreamError missing_scopes() { return {401, std::string(kMissingScopes)}; }

std::optional<int64_t> parse_id(const std::string& text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

ResolvedStream make(std::vector<std::string> stream, std::vector<std::string> topic_list) {
  ResolvedStream out;
  out.stream = std::move(stream);
  out.topics = std::move(topic_list);
  for (const auto& t : out.topics) out.key += (out.key.empty() ? "" : ";") + t;
  return out;
}

// JSON values arrive as strings or, from some clients, numbers (list ids); `stream` may be an array (Mastodon takes
// its first element).
std::optional<std::string> json_text(const nlohmann::json& message, const char* key) {
  auto found = message.find(key);
  if (found == message.end()) return std::nullopt;
  const nlohmann::json* value = &*found;
  if (value->is_array()) {
    if (value->empty()) return std::nullopt;
    value = &value->front();
  }
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number_integer()) return std::to_string(value->get<int64_t>());
  return std::nullopt;
}

}  // namespace

std::variant<ResolvedStream, StreamError> resolve_stream(const StreamRequest& request, const StreamPrincipal& who) {
  const std::string& name = request.name;
  const int64_t me = who.account_id;
  bool may_read_statuses = who.has_any_scope({"read", "read:statuses"});
  bool may_read_notifications = who.has_any_scope({"read", "read:notifications"});

  if (name == "user") {
    if (!may_read_statuses) return missing_scopes();
    std::vector<std::string> wanted{topics::user(me)};
    if (may_read_notifications) wanted.push_back(topics::user_notification(me));
    auto out = make({name}, std::move(wanted));
    out.drop_notifications = !may_read_notifications;
    return out;
  }
  if (name == "user:notification") {
    if (!may_read_notifications) return missing_scopes();
    return make({name}, {topics::user_notification(me)});
  }
  if (name == "direct") {
    if (!may_read_statuses) return missing_scopes();
    return make({name}, {topics::direct(me)});
  }
  if (name == "public") return make({name}, {topics::public_timeline()});
  if (name == "public:local") return make({name}, {topics::public_local()});
  if (name == "public:remote") return make({name}, {topics::public_remote()});
  if (name == "public:media") return make({name}, {topics::public_media()});
  if (name == "public:local:media") return make({name}, {topics::public_local_media()});
  if (name == "public:remote:media") return make({name}, {topics::public_remote_media()});
  if (name == "hashtag" || name == "hashtag:local") {
    if (!request.tag || topics::normalize_tag(*request.tag).empty()) return StreamError{400, std::string(kMissingTag)};
    std::string topic = name == "hashtag" ? topics::hashtag(*request.tag) : topics::hashtag_local(*request.tag);
    return make({name, *request.tag}, {std::move(topic)});
  }
  if (name == "list") {
    if (!may_read_statuses) return missing_scopes();
    auto id = request.list ? parse_id(*request.list) : std::nullopt;
    if (!id) return StreamError{401, std::string(kListNotAuthorized)};
    auto out = make({name, *request.list}, {topics::list(*id)});
    out.list_to_check = id;
    return out;
  }
  return StreamError{400, std::string(kUnknownStream)};
}

std::optional<StreamRequest> stream_from_sse_path(std::string_view path, const QueryParams& query) {
  if (path.rfind(kSsePrefix, 0) != 0) return std::nullopt;
  std::string_view rest = path.substr(kSsePrefix.size());
  bool only_media = query_flag(query, "only_media");
  auto param = [&](std::string_view key) -> std::optional<std::string> {
    auto found = query.find(key);
    if (found == query.end()) return std::nullopt;
    return found->second;
  };

  StreamRequest out;
  if (rest == "user") {
    out.name = "user";
  } else if (rest == "user/notification") {
    out.name = "user:notification";
  } else if (rest == "public") {
    out.name = only_media ? "public:media" : "public";
  } else if (rest == "public/local") {
    out.name = only_media ? "public:local:media" : "public:local";
  } else if (rest == "public/remote") {
    out.name = only_media ? "public:remote:media" : "public:remote";
  } else if (rest == "public/media") {
    out.name = "public:media";
  } else if (rest == "public/local/media") {
    out.name = "public:local:media";
  } else if (rest == "public/remote/media") {
    out.name = "public:remote:media";
  } else if (rest == "hashtag" || rest == "hashtag/local") {
    out.name = rest == "hashtag" ? "hashtag" : "hashtag:local";
    out.tag = param("tag");
  } else if (rest == "list") {
    out.name = "list";
    out.list = param("list");
  } else if (rest == "direct") {
    out.name = "direct";
  } else {
    return std::nullopt;
  }
  return out;
}

std::optional<StreamRequest> stream_from_websocket_query(const QueryParams& query) {
  auto stream = query.find("stream");
  if (stream == query.end() || stream->second.empty()) return std::nullopt;
  StreamRequest out;
  out.name = stream->second;
  if (auto tag = query.find("tag"); tag != query.end()) out.tag = tag->second;
  if (auto list = query.find("list"); list != query.end()) out.list = list->second;
  return out;
}

ClientMessage parse_client_message(std::string_view text) {
  ClientMessage out;
  auto message = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!message.is_object()) return out;
  auto type = json_text(message, "type");
  if (type == "subscribe") {
    out.type = ClientMessage::Type::Subscribe;
  } else if (type == "unsubscribe") {
    out.type = ClientMessage::Type::Unsubscribe;
  } else {
    return out;
  }
  out.request.name = json_text(message, "stream").value_or("");
  out.request.tag = json_text(message, "tag");
  out.request.list = json_text(message, "list");
  return out;
}

}  // namespace vmst::streaming
