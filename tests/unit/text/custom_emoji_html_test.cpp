#include "text/custom_emoji_html.hpp"

#include <catch2/catch.hpp>

using vmst::text::EmojiImage;
using vmst::text::with_custom_emoji;

namespace {
const std::vector<EmojiImage> kBlob{{"blob", "https://vmst.test/system/custom_emojis/blob.png"}};
const std::string kBlobImage =
    "<img draggable=\"false\" class=\"emojione custom-emoji\" alt=\":blob:\" title=\":blob:\" "
    "src=\"https://vmst.test/system/custom_emojis/blob.png\">";
}  // namespace

TEST_CASE("known shortcodes in text become emoji images", "[emoji][text]") {
  CHECK(with_custom_emoji("<p>hi :blob: there :blob:</p>", kBlob) == "<p>hi " + kBlobImage + " there " + kBlobImage + "</p>");
  CHECK(with_custom_emoji(":blob:", kBlob) == kBlobImage);
  CHECK(with_custom_emoji("<b>x</b>:blob:<i>y</i>", kBlob) == "<b>x</b>" + kBlobImage + "<i>y</i>");
}

TEST_CASE("unknown shortcodes, shortcodes inside words and text inside tags stay as they are", "[emoji][text]") {
  CHECK(with_custom_emoji("<p>:other: and a:blob:b and 10:blob:</p>", kBlob) == "<p>:other: and a:blob:b and 10:blob:</p>");
  CHECK(with_custom_emoji("<a href=\"https://x.test/:blob:\" title=':blob: >'>link</a>", kBlob) ==
        "<a href=\"https://x.test/:blob:\" title=':blob: >'>link</a>");
  CHECK(with_custom_emoji("<p>:blob:</p>", {}) == "<p>:blob:</p>");
}

TEST_CASE("an emoji image escapes its own attributes", "[emoji][text]") {
  const std::vector<EmojiImage> hostile{{"blob", "https://x.test/a.png\" onerror=\"alert(1)"}};
  const std::string html = with_custom_emoji("<p>:blob:</p>", hostile);
  CHECK(html.find("onerror=\"") == std::string::npos);
  CHECK(html.find("src=\"https://x.test/a.png&quot; onerror=&quot;alert(1)\"") != std::string::npos);
}
