#include "convert/mastodon/status_page_writer.hpp"

#include "convert/mastodon/account.hpp"
#include "convert/mastodon/render_fingerprints.hpp"
#include "convert/mastodon/status_parts.hpp"

namespace vmst::convert::mastodon {

namespace {

// As http::send_json dumps: invalid UTF-8 from a remote server is replaced, not thrown on.
std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The members of a dumped object, without its braces: "a":1,"b":2.
std::string members_of(const nlohmann::json& object) {
  std::string text = dump(object);
  return text.substr(1, text.size() - 2);
}

void append_members(std::string& out, const nlohmann::json& object) {
  const std::string text = dump(object);
  out.append(text, 1, text.size() - 2);
}

void append_key(std::string& out, const char* key) {
  out += '"';
  out += key;
  out += "\":";
}

void append_account(std::string& out, const StatusBundle& bundle, const store::AccountRecord& account,
                    const federation::LocalUrls& urls, RenderCaches& caches) {
  const auto& emojis = account_emojis_of(bundle, account.id);
  const uint64_t fingerprint = account_fingerprint(account, emojis);
  if (caches.accounts.append_to(account.id, fingerprint, out)) return;
  std::string text = dump(account_json(account, urls, emojis));
  out += text;
  caches.accounts.put(account.id, fingerprint, std::move(text));
}

void append_status(std::string& out, const StatusBundle& bundle, const store::StatusRecord& status,
                   const store::AccountRecord& author, const federation::LocalUrls& urls, RenderCaches& caches,
                   const store::StatusRecord* original, const store::AccountRecord* original_author) {
  out += '{';
  const uint64_t fingerprint = status_static_fingerprint(bundle, status);
  if (!caches.statuses.append_to(status.id, fingerprint, out)) {
    std::string members = members_of(status_static_json(bundle, status, urls));
    out += members;
    caches.statuses.put(status.id, fingerprint, std::move(members));
  }
  out += ',';
  append_key(out, kStatusAccountKey);
  append_account(out, bundle, author, urls, caches);
  out += ',';
  append_key(out, kStatusReblogKey);
  if (original) {
    append_status(out, bundle, *original, *original_author, urls, caches, nullptr, nullptr);
  } else {
    out += "null";
  }
  out += ',';
  append_members(out, status_dynamic_json(bundle, status));
  out += '}';
}

}  // namespace

bool append_status_json(std::string& out, const StatusBundle& bundle, int64_t status_id,
                        const federation::LocalUrls& urls, RenderCaches& caches) {
  const auto* status = bundle.status(status_id);
  const auto* author = status ? bundle.account(status->account_id) : nullptr;
  if (!author) return false;
  const store::StatusRecord* original = nullptr;
  const store::AccountRecord* original_author = nullptr;
  if (status->reblog_of_id) {
    original = bundle.status(*status->reblog_of_id);
    original_author = original ? bundle.account(original->account_id) : nullptr;
    if (!original_author) return false;
  }
  append_status(out, bundle, *status, *author, urls, caches, original, original_author);
  return true;
}

std::string statuses_json_text(const StatusBundle& bundle, const std::vector<int64_t>& ids,
                               const federation::LocalUrls& urls, RenderCaches& caches) {
  std::string out = "[";
  // A typical status is 1-2 KB of JSON: reserving avoids most regrowth of a 20-status page.
  out.reserve(2048 * ids.size() + 2);
  for (int64_t id : ids) {
    const size_t before = out.size();
    if (before > 1) out += ',';
    if (!append_status_json(out, bundle, id, urls, caches)) out.resize(before);
  }
  out += ']';
  return out;
}

}  // namespace vmst::convert::mastodon
