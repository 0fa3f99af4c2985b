#include "streaming/topics.hpp"

#include <catch2/catch.hpp>

using namespace vmst::streaming;

TEST_CASE("topic builders spell every topic the publishers and streams share", "[streaming][topics]") {
  CHECK(topics::user(42) == "user:42");
  CHECK(topics::user_notification(42) == "user:notification:42");
  CHECK(topics::public_timeline() == "public");
  CHECK(topics::public_local() == "public:local");
  CHECK(topics::public_remote() == "public:remote");
  CHECK(topics::public_media() == "public:media");
  CHECK(topics::public_local_media() == "public:local:media");
  CHECK(topics::public_remote_media() == "public:remote:media");
  CHECK(topics::hashtag("Cats") == "hashtag:cats");
  CHECK(topics::hashtag_local("Cats") == "hashtag:local:cats");
  CHECK(topics::list(7) == "list:7");
  CHECK(topics::direct(42) == "direct:42");
}

TEST_CASE("tags in topics are the stored tag keys, so every spelling of a tag shares one topic", "[streaming][topics]") {
  CHECK(topics::normalize_tag("#Cats") == "cats");
  CHECK(topics::normalize_tag("CATS_of_2024") == "cats_of_2024");
  CHECK(topics::normalize_tag("Caf\xC3\xA9") == "cafe");
  CHECK(topics::normalize_tag("\xEF\xBC\xA3\xEF\xBC\xA1\xEF\xBC\xA6\xEF\xBC\xA5") == "cafe");  // full-width CAFE
  CHECK(topics::hashtag("#Caf\xC3\xA9") == topics::hashtag("cafe"));
  CHECK(topics::normalize_tag("#") == "");
}

TEST_CASE("public_topics and hashtag_topics list every topic a status belongs on", "[streaming][topics]") {
  CHECK(topics::public_topics(true, false) == std::vector<std::string>{"public", "public:local"});
  CHECK(topics::public_topics(false, false) == std::vector<std::string>{"public", "public:remote"});
  CHECK(topics::public_topics(true, true) ==
        std::vector<std::string>{"public", "public:local", "public:media", "public:local:media"});
  CHECK(topics::public_topics(false, true) ==
        std::vector<std::string>{"public", "public:remote", "public:media", "public:remote:media"});
  CHECK(topics::hashtag_topics({"Cats", "dogs"}, true) ==
        std::vector<std::string>{"hashtag:cats", "hashtag:local:cats", "hashtag:dogs", "hashtag:local:dogs"});
  CHECK(topics::hashtag_topics({"Cats"}, false) == std::vector<std::string>{"hashtag:cats"});
}

TEST_CASE("only public, hashtag and list topics hide events from viewers", "[streaming][topics]") {
  for (const auto& t : {topics::public_timeline(), topics::public_local(), topics::public_remote_media(),
                        topics::hashtag("x"), topics::hashtag_local("x"), topics::list(1)}) {
    INFO(t);
    CHECK(topics::hides_for_viewer(t));
  }
  for (const auto& t : {topics::user(1), topics::user_notification(1), topics::direct(1)}) {
    INFO(t);
    CHECK_FALSE(topics::hides_for_viewer(t));
  }
}
