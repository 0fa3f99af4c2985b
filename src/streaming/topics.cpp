#include "streaming/topics.hpp"

#include "text/hashtag_name.hpp"

namespace vmst::streaming::topics {

std::string user(int64_t account_id) { return "user:" + std::to_string(account_id); }
std::string user_notification(int64_t account_id) { return "user:notification:" + std::to_string(account_id); }
std::string public_timeline() { return "public"; }
std::string public_local() { return "public:local"; }
std::string public_remote() { return "public:remote"; }
std::string public_media() { return "public:media"; }
std::string public_local_media() { return "public:local:media"; }
std::string public_remote_media() { return "public:remote:media"; }
std::string hashtag(std::string_view tag) { return "hashtag:" + normalize_tag(tag); }
std::string hashtag_local(std::string_view tag) { return "hashtag:local:" + normalize_tag(tag); }
std::string list(int64_t list_id) { return "list:" + std::to_string(list_id); }
std::string direct(int64_t account_id) { return "direct:" + std::to_string(account_id); }

std::vector<std::string> public_topics(bool is_local, bool has_media) {
  std::vector<std::string> out{public_timeline(), is_local ? public_local() : public_remote()};
  if (has_media) {
    out.push_back(public_media());
    out.push_back(is_local ? public_local_media() : public_remote_media());
  }
  return out;
}

std::vector<std::string> hashtag_topics(const std::vector<std::string>& tags, bool is_local) {
  std::vector<std::string> out;
  for (const auto& tag : tags) {
    out.push_back(hashtag(tag));
    if (is_local) out.push_back(hashtag_local(tag));
  }
  return out;
}

std::string normalize_tag(std::string_view tag) { return text::normalize_hashtag_name(tag); }

bool hides_for_viewer(std::string_view topic) {
  return topic == "public" || topic.rfind("public:", 0) == 0 || topic.rfind("hashtag:", 0) == 0 ||
         topic.rfind("list:", 0) == 0;
}

}  // namespace vmst::streaming::topics
