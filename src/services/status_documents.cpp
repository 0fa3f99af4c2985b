#include "services/status_documents.hpp"

#include "convert/activitystreams/context.hpp"
#include "convert/activitystreams/note.hpp"
#include "services/emoji_usage.hpp"
#include "store/account_store.hpp"
#include "store/media_store.hpp"
#include "store/poll_store.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

std::optional<nlohmann::json> public_note(store::Connection& c, int64_t status_id, const federation::LocalUrls& urls) {
  auto status = store::find_status(c, status_id);
  if (!status || !status->local || status->reblog_of_id) return std::nullopt;
  if (status->visibility != "public" && status->visibility != "unlisted") return std::nullopt;
  return local_note(c, status_id, urls);
}

std::optional<nlohmann::json> local_note(store::Connection& c, int64_t status_id, const federation::LocalUrls& urls) {
  auto status = store::find_status(c, status_id);
  if (!status || !status->local || status->reblog_of_id) return std::nullopt;
  auto author = store::find_account(c, status->account_id);
  if (!author) return std::nullopt;
  std::vector<int64_t> mentioned_ids;
  for (auto& [s, account] : store::mentions_of(c, {status->id})) mentioned_ids.push_back(account);
  auto mentioned = store::find_accounts(c, mentioned_ids);
  std::vector<std::string> tags;
  for (auto& [s, name] : store::tags_of(c, {status->id})) tags.push_back(name);
  std::optional<std::string> parent_uri;
  if (status->in_reply_to_id) {
    if (auto parent = store::find_status(c, *status->in_reply_to_id)) parent_uri = parent->uri;
  } else if (status->in_reply_to_uri) {
    parent_uri = status->in_reply_to_uri;
  }
  auto poll = store::find_poll_by_status(c, status->id);
  convert::as::NoteParts parts{*status, *author, mentioned, tags, store::media_of_statuses(c, {status->id}), parent_uri,
                               std::nullopt, poll ? &*poll : nullptr, status_emojis(c, *status, author->domain)};
  if (status->conversation_id) parts.conversation_uri = urls.base() + "/contexts/" + std::to_string(*status->conversation_id);
  auto note = convert::as::note(parts, urls);
  note["@context"] = convert::as::object_context();
  return note;
}

}  // namespace vmst::services
