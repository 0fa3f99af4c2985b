#include "streaming/wire_format.hpp"

#include <nlohmann/json.hpp>

namespace vmst::streaming {

namespace {

// Remote content can carry invalid UTF-8; a replacement character beats dropping the event.
std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string websocket_frame_prefix(const std::vector<std::string>& stream) {
  return "{\"stream\":" + dump(nlohmann::json(stream)) + ",\"event\":";
}

std::string websocket_event_frame(std::string_view prefix, const StreamEvent& event) {
  std::string frame(prefix);
  frame += dump(nlohmann::json(event.event));
  if (event.payload) {
    frame += ",\"payload\":";
    frame += dump(nlohmann::json(*event.payload));
  }
  frame += '}';
  return frame;
}

std::string websocket_error_frame(std::string_view message, int status) {
  return "{\"error\":" + dump(nlohmann::json(message)) + ",\"status\":" + std::to_string(status) + "}";
}

std::string sse_event_frame(const StreamEvent& event) {
  std::string frame = "event: " + event.event + "\n";
  // A payload with line breaks (never the case for JSON we encode) becomes several data lines, which SSE readers join
  // with "\n".
  std::string_view payload = event.payload ? std::string_view(*event.payload) : std::string_view("null");
  size_t start = 0;
  while (true) {
    size_t end = payload.find('\n', start);
    frame += "data: ";
    frame += payload.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    frame += '\n';
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  frame += '\n';
  return frame;
}

std::string json_error_body(std::string_view message) {
  return dump(nlohmann::json{{"error", message}});
}

}  // namespace vmst::streaming
