#pragma once
// What clients ask to stream, and the topics that answers. Three spellings reach here: a WebSocket message
// ({"type":"subscribe","stream":"hashtag","tag":"foo"}), the WebSocket query (/api/v1/streaming?stream=user) and an
// SSE path (/api/v1/streaming/hashtag?tag=foo).
//
// Scopes, as Mastodon's streaming server checks them: the public and hashtag streams need a valid user token and no
// particular scope; user:notification needs read or read:notifications; user, list and direct need read or
// read:statuses; the user stream carries notifications only when the token has read or read:notifications.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "streaming/request_target.hpp"
#include "streaming/stream_principal.hpp"

namespace vmst::streaming {

// A stream as the client named it, before any check.
struct StreamRequest {
  std::string name;  // "user", "public:local", "hashtag", ...
  std::optional<std::string> tag;
  std::optional<std::string> list;
};

// A checked stream: what to subscribe to and how to label its events.
struct ResolvedStream {
  std::vector<std::string> stream;  // the `stream` array of WebSocket messages: the name, plus the tag or list as sent
  std::vector<std::string> topics;
  std::string key;  // the topics joined: asking twice for the same topics is one subscription
  // Set for a list stream: the caller must confirm the viewer owns it (OwnsList, a database read) before subscribing.
  std::optional<int64_t> list_to_check;
  // The user stream of a token that may not read notifications: any notification event is dropped.
  bool drop_notifications = false;
};

struct StreamError {
  int status;  // 400 or 401; sent as {"error":...,"status":...} on WebSocket, as the HTTP status on SSE
  std::string message;
};

inline constexpr std::string_view kUnknownStream = "Unknown stream type";
inline constexpr std::string_view kUnknownChannel = "Unknown channel requested";  // SSE: a path that names no stream
inline constexpr std::string_view kMissingTag = "No tag for stream provided";
inline constexpr std::string_view kListNotAuthorized = "Not authorized to stream this list";
inline constexpr std::string_view kMissingScopes = "Access token does not cover required scopes";

// Checks the name, its parameters and the token's scopes; maps the stream to its topics.
std::variant<ResolvedStream, StreamError> resolve_stream(const StreamRequest& request, const StreamPrincipal& who);

// The stream named by an SSE path such as /api/v1/streaming/public/local (only_media=true picks the :media variant,
// as in Mastodon). nullopt: no stream lives at that path.
std::optional<StreamRequest> stream_from_sse_path(std::string_view path, const QueryParams& query);

// The stream of /api/v1/streaming?stream=...&tag=...&list=..., or nullopt when the query names none.
std::optional<StreamRequest> stream_from_websocket_query(const QueryParams& query);

// A message a WebSocket client sent. Anything but valid JSON with a subscribe or unsubscribe type is Ignored, as
// Mastodon ignores it.
struct ClientMessage {
  enum class Type { Subscribe, Unsubscribe, Ignored };
  Type type = Type::Ignored;
  StreamRequest request;
};
ClientMessage parse_client_message(std::string_view text);

}  // namespace vmst::streaming
