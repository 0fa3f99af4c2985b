#pragma once
// Status timelines for one reader: home, public, hashtag and list. Each reads one page of ids with one indexed
// query (store/timeline_store), drops what the reader's `hide` filters of the timeline's context match (reading on
// so the page stays full), and loads just that page for rendering, with the reader's filter results.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "store/database.hpp"
#include "store/id_page.hpp"

namespace vmst::services {

struct TimelinePage {
  std::vector<int64_t> ids;  // newest first; what the page shows, in order
  convert::mastodon::StatusBundle bundle;
};

TimelinePage home_timeline(store::Database& db, int64_t viewer, const store::IdPage& page);

struct PublicTimelineOptions {
  bool local = false;
  bool remote = false;
  bool only_media = false;
};

TimelinePage public_timeline(store::Database& db, std::optional<int64_t> viewer, const PublicTimelineOptions& options,
                             const store::IdPage& page);

struct TagTimelineOptions {
  std::string tag;               // from the path
  std::vector<std::string> any;  // or any of these
  std::vector<std::string> all;  // and all of these
  std::vector<std::string> none;
  PublicTimelineOptions where;
};

// Names are normalised as posting stores them (case, width and Latin accents do not matter; a leading '#' is
// ignored). Unknown tags match nothing.
TimelinePage tag_timeline(store::Database& db, std::optional<int64_t> viewer, const TagTimelineOptions& options,
                          const store::IdPage& page);

// ServiceError NotFound when the list is not the viewer's.
TimelinePage list_timeline(store::Database& db, int64_t viewer, int64_t list_id, const store::IdPage& page);

}  // namespace vmst::services
