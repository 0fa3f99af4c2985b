#pragma once
// Turns what write transactions committed (store/commit_events.hpp) into streaming events on the bus: a status
// entering someone's home feed becomes `update` on their user stream (and on their lists' streams), a new public
// status `update` on the public and hashtag streams, an edit `status.update`, a deletion `delete`, a notification
// `notification`, a new direct message `conversation` on the direct stream, a filter change `filters_changed`.
//
// Threads: it is the database's commit listener, so it runs on whichever thread wrote (an HTTP worker, an inbox
// worker, the CLI), after COMMIT and outside the writer lock. It reads through the read pool and renders only for
// topics someone is subscribed to, so a write nobody watches costs a few map lookups.
//
// Each viewer's copy is rendered as the client API would render it for them (home filters, blocks, mutes, their
// favourited/reblogged flags); public and hashtag copies are rendered anonymously, as Mastodon does, and the bus
// hides them from viewers who block or mute someone involved.
#include <vector>

#include "federation/local_urls.hpp"
#include "store/commit_events.hpp"
#include "store/database.hpp"
#include "streaming/event_bus.hpp"

namespace vmst::streaming {

class CommitPublisher {
 public:
  CommitPublisher(store::Database& db, const federation::LocalUrls& urls, EventBus& bus)
      : db_(db), urls_(urls), bus_(bus) {}

  // Never throws: a failure to publish one event is logged and the rest still go out.
  void publish(const std::vector<store::CommitEvent>& events) noexcept;

 private:
  void home_feed_added(const store::CommitEvent& e);
  void status_created(const store::CommitEvent& e);
  void status_updated(const store::CommitEvent& e);
  void status_deleted(const store::CommitEvent& e);
  void notification_created(const store::CommitEvent& e);
  void filters_changed(const store::CommitEvent& e);
  void conversation_updated(const store::CommitEvent& e);

  store::Database& db_;
  const federation::LocalUrls& urls_;
  EventBus& bus_;
};

}  // namespace vmst::streaming
