#pragma once
// The names of event-bus topics. Publishers and the stream-name mapping (stream_names.hpp) both build topics here,
// so a name is spelt in one place only.
//
// Where each event goes (Mastodon's channel layout):
//   user(id)               update (home timeline), delete, status.update, filters_changed, conversation
//   user_notification(id)  notification: publish notifications here only; the `user` stream subscribes to this
//                          topic too (when the token may read notifications), so they are not published twice
//   public_topics(...)     update, delete, status.update of public statuses
//   hashtag_topics(...)    the same, once per tag of the status
//   list(id), direct(id)   update/delete for a list's members; conversation for direct messages
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vmst::streaming::topics {

std::string user(int64_t account_id);
std::string user_notification(int64_t account_id);
std::string public_timeline();
std::string public_local();
std::string public_remote();
std::string public_media();
std::string public_local_media();
std::string public_remote_media();
std::string hashtag(std::string_view tag);        // the tag is normalised (normalize_tag)
std::string hashtag_local(std::string_view tag);  // the tag is normalised (normalize_tag)
std::string list(int64_t list_id);
std::string direct(int64_t account_id);

// The public topics a public status belongs on: public, then public:local or public:remote, and their :media
// variants when it has media attachments.
std::vector<std::string> public_topics(bool is_local, bool has_media);
// hashtag:<tag> for every tag, and hashtag:local:<tag> too for a local status.
std::vector<std::string> hashtag_topics(const std::vector<std::string>& tags, bool is_local);

// How a tag appears in a topic: the key tags are stored under (text::normalize_hashtag_name: NFKC, lower case,
// Latin folded to ASCII, '#' and other non-name characters dropped). Applied on both sides, so "#Café", "cafe" and
// "CAFE" share one topic.
std::string normalize_tag(std::string_view tag);

// Public, hashtag and list topics carry other people's posts: the viewer's blocks and mutes hide events there.
// Personal topics (user, notifications, direct) are already filtered when the event is made.
bool hides_for_viewer(std::string_view topic);

}  // namespace vmst::streaming::topics
