#include "services/remote_status_fetch.hpp"

#include <spdlog/spdlog.h>

#include "convert/activitystreams/remote_note.hpp"
#include "net/url.hpp"
#include "services/account_lookup.hpp"
#include "services/remote_statuses.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

FetchedStatus fetch_remote_status(store::Database& db, federation::ActorResolver& resolver, const std::string& url,
                                  int64_t now) {
  nlohmann::json object;
  try {
    object = resolver.fetch_object(url);
  } catch (const federation::ResolveError& e) {
    spdlog::debug("fetch: {} could not be fetched: {}", url, e.what());
    return {};
  }
  auto note = convert::as::parse_remote_note(object);
  if (!note) return {FetchedStatus::Kind::NotANote, 0};
  // The author vouches for the note only from the note's own server.
  auto note_url = net::parse_url(note->uri);
  auto author_url = net::parse_url(note->attributed_to);
  if (!note_url || !author_url || !net::same_host(*note_url, *author_url)) {
    spdlog::info("fetch: note {} names an author on another server ({}): refused", note->uri, note->attributed_to);
    return {};
  }
  store::AccountRecord author;
  try {
    author = resolver.by_uri(note->attributed_to);
  } catch (const federation::ResolveError& e) {
    spdlog::debug("fetch: the author of {} could not be resolved: {}", note->uri, e.what());
    return {};
  }
  if (is_hidden_account(author)) return {};
  auto id = db.write([&](store::Connection& c) -> std::optional<int64_t> {
    if (auto known = store::find_status_by_uri(c, note->uri)) return known->id;
    return record_remote_note(c, author, *note, now, NoteArrival::FetchedOnRequest);
  });
  if (!id) return {};
  return {FetchedStatus::Kind::Status, *id};
}

}  // namespace vmst::services
