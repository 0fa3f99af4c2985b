#include "api/poll_params.hpp"

#include <charconv>

#include "http/error_responses.hpp"

namespace vmst::api {

namespace {

std::optional<int64_t> seconds(const nlohmann::json& value) {
  if (value.is_number_integer()) return value.get<int64_t>();
  if (value.is_number_float()) return static_cast<int64_t>(value.get<double>());
  auto text = http::scalar_text(value);
  if (!text || text->empty()) return std::nullopt;
  int64_t out = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), out);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw http::HttpError(422, "Validation failed: Poll expires at is invalid");
  }
  return out;
}

}  // namespace

std::optional<services::PollInput> poll_params(const http::RequestParams& params) {
  const nlohmann::json* poll = params.object("poll");
  if (!poll || !poll->is_object()) return std::nullopt;
  auto options = poll->find("options");
  if (options == poll->end() || options->is_null()) return std::nullopt;
  services::PollInput input;
  // A form keyed by index (`poll[options][0]=a`) folds into an object; a single `poll[options]=a` into a string.
  auto add = [&](const nlohmann::json& option) {
    if (auto text = http::scalar_text(option)) input.options.push_back(*text);
  };
  if (options->is_array() || options->is_object()) {
    for (const auto& option : *options) add(option);
  } else {
    add(*options);
  }
  if (auto it = poll->find("expires_in"); it != poll->end()) input.expires_in = seconds(*it);
  if (auto it = poll->find("multiple"); it != poll->end()) input.multiple = http::parse_rails_boolean(*it).value_or(false);
  if (auto it = poll->find("hide_totals"); it != poll->end()) {
    input.hide_totals = http::parse_rails_boolean(*it).value_or(false);
  }
  return input;
}

}  // namespace vmst::api
