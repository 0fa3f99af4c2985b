#pragma once
// Where a streaming request carries its access token. In order, as Mastodon looks: Authorization: Bearer, then
// Sec-WebSocket-Protocol (masto.js sends the token as the subprotocol, since browsers cannot set headers on a
// WebSocket), then the access_token query parameter.
#include <optional>
#include <string>
#include <string_view>

#include "streaming/request_target.hpp"

namespace vmst::streaming {

std::optional<std::string> find_access_token(std::string_view authorization, std::string_view websocket_protocol,
                                             const QueryParams& query);

// The subprotocol to answer a WebSocket handshake with: the first one the client offered, exactly as sent. Echoed
// whenever the client offered one, even when the token came another way: Chrome aborts a handshake whose response
// lacks the protocol it asked for (GoToSocial #3169 and #4009 fixed exactly this).
std::optional<std::string> protocol_to_echo(std::string_view websocket_protocol);

}  // namespace vmst::streaming
