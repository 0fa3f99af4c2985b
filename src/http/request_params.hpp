#pragma once
// Every way a Mastodon client sends parameters, read through one object.
//
// Clients disagree on encodings (client-api.md §0.4): masto.js and toot send JSON, Mastodon.py and Tusky send
// form-urlencoded, uploads and update_credentials come as multipart, and reads use the query string. Rails-style
// bracket keys (`media_ids[]`, `poll[options][]`, `fields_attributes[0][name]`, `media_attributes[][id]`) are folded
// into the same nested JSON a JSON body would carry, so a handler reads `params.strings("media_ids")` whatever the
// client sent. Later sources win over earlier ones: query string, then form or multipart fields, then a JSON body.
#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vmst::http {

struct UploadedFile {
  std::string filename;
  std::string content_type;
  std::string content;
};

class RequestParams {
 public:
  RequestParams() : values_(nlohmann::json::object()) {}
  // Throws HttpError(400) for a JSON body that does not parse or is not an object.
  static RequestParams from(const httplib::Request& req);

  // Sets one "key[sub][]"-style field, as a form or query string would.
  void add_field(std::string_view key, std::string value);
  // Merges a JSON object over the current values.
  void merge_json(const nlohmann::json& object);
  void add_file(std::string name, UploadedFile file) { files_.emplace_back(std::move(name), std::move(file)); }

  bool has(std::string_view key) const;
  // A scalar as text (numbers and booleans written out); nullopt when absent or null.
  std::optional<std::string> string(std::string_view key) const;
  // Rails' reading of a boolean: false, 0, "0", "f", "false", "off" (any case) are false, "" and absent are nullopt,
  // anything else is true. Mastodon.py sends "True"/"False", Ivory "1"/"0".
  std::optional<bool> boolean(std::string_view key) const;
  bool flag(std::string_view key, bool fallback) const { return boolean(key).value_or(fallback); }
  // A decimal integer; absent or "" is nullopt. Throws HttpError(400) naming the key when it is not a number.
  std::optional<int64_t> integer(std::string_view key) const;
  // `key[]=a&key[]=b`, `key=a`, or a JSON array; empty when absent.
  std::vector<std::string> strings(std::string_view key) const;
  // A nested object (`poll[...]`, `source[...]`), or nullptr.
  const nlohmann::json* object(std::string_view key) const;
  // `fields_attributes[0][name]` (an object keyed by index, in index order) or a JSON array of objects.
  std::vector<nlohmann::json> objects(std::string_view key) const;
  const UploadedFile* file(std::string_view name) const;

  const nlohmann::json& values() const { return values_; }

 private:
  const nlohmann::json* find(std::string_view key) const;

  nlohmann::json values_;
  std::vector<std::pair<std::string, UploadedFile>> files_;
};

// A JSON scalar as text, as RequestParams::string reads it; nullopt for null, objects and arrays.
std::optional<std::string> scalar_text(const nlohmann::json& value);
std::optional<bool> parse_rails_boolean(const nlohmann::json& value);

}  // namespace vmst::http
