#pragma once
// The bytes clients get, in Mastodon's shapes (docs: client-api.md section 4).
//   WebSocket: one text frame per event, {"stream":["hashtag","foo"],"event":"update","payload":"<string>"}; the
//              payload is the encoded document as a JSON string, and absent when the event has none (filters_changed).
//   SSE:       "event: update\ndata: <payload>\n\n"; heartbeats are comment lines. Comments end with ONE newline, as
//              Mastodon sends them: Mastodon.py dispatches an event at every empty line and aborts the stream on an
//              empty one, so ":thump\n\n" would break it. An event without payload carries "data: null", which
//              Mastodon.py can parse (Mastodon's own "data: undefined" makes it abort).
#include <string>
#include <string_view>
#include <vector>

#include "streaming/stream_event.hpp"

namespace vmst::streaming {

// The part of a WebSocket frame that depends on the subscription only: computed once per subscription.
std::string websocket_frame_prefix(const std::vector<std::string>& stream);
std::string websocket_event_frame(std::string_view prefix, const StreamEvent& event);
// {"error":"Unknown stream type","status":400}
std::string websocket_error_frame(std::string_view message, int status);

std::string sse_event_frame(const StreamEvent& event);
inline constexpr std::string_view kSseHello = ":)\n";  // sent first, so the client sees the stream open at once
inline constexpr std::string_view kSseHeartbeat = ":thump\n";

// {"error":"..."} for HTTP error bodies.
std::string json_error_body(std::string_view message);

}  // namespace vmst::streaming
