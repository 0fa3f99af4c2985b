// Reading and writing shared domain block lists: Mastodon's CSV export and the two JSON shapes.
#include <catch2/catch.hpp>

#include "convert/mastodon/domain_block_list.hpp"

using namespace vmst;
using convert::mastodon::DomainBlockListError;

TEST_CASE("a CSV exported by Mastodon is read column by column, quoted commas included", "[domain_block_list]") {
  auto rows = convert::mastodon::parse_domain_block_csv(
      "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\r\n"
      "threads.net,suspend,true,true,\"Meta, \"\"Threads\"\"\",false\r\n"
      "\r\n"
      "bsky.brid.gy,silence,false,false,,true\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].where == "line 2");
  CHECK(rows[0].block.domain == "threads.net");
  CHECK(rows[0].block.severity == "suspend");
  CHECK(rows[0].block.reject_media);
  CHECK(rows[0].block.reject_reports);
  CHECK(rows[0].block.public_comment == "Meta, \"Threads\"");
  CHECK(rows[1].where == "line 4");
  CHECK(rows[1].block.severity == "silence");
  CHECK(rows[1].block.obfuscate);
}

TEST_CASE("columns may come in any order and a list without a header is one domain per line", "[domain_block_list]") {
  auto reordered = convert::mastodon::parse_domain_block_csv("#severity,#domain\nsilence,a.example\n");
  REQUIRE(reordered.size() == 1);
  CHECK(reordered[0].block.domain == "a.example");
  CHECK(reordered[0].block.severity == "silence");

  auto bare = convert::mastodon::parse_domain_block_csv("a.example\nb.example");
  REQUIRE(bare.size() == 2);
  CHECK(bare[1].block.domain == "b.example");
  CHECK(bare[1].block.severity == "suspend");  // Mastodon's default for a bare list
}

TEST_CASE("a broken CSV row is named by its line", "[domain_block_list]") {
  auto message = [](const std::string& text) {
    try {
      convert::mastodon::parse_domain_block_csv(text);
    } catch (const DomainBlockListError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("#domain,#severity\na.example,suspend\nb.example,ban\n") ==
        "line 3: severity must be noop, silence or suspend, not \"ban\"");
  CHECK(message("#domain,#reject_media\na.example,maybe\n") ==
        "line 2: reject_media must be true or false, not \"maybe\"");
  CHECK(message("#domain,#public_comment\na.example,\"never closed\n") == "line 2: a quoted field is never closed");
}

TEST_CASE("JSON lists are read in the admin shape and in the public instance shape", "[domain_block_list]") {
  auto rows = convert::mastodon::parse_domain_block_json(
      R"([{"domain":"a.example","severity":"silence","reject_media":true,"private_comment":"p"},
          {"domain":"b.example","digest":"00","severity":"suspend","comment":"spam"}])");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].block.reject_media);
  CHECK(rows[0].block.private_comment == "p");
  CHECK(rows[1].block.public_comment == "spam");
  CHECK(rows[1].where == "entry 2");
  CHECK_THROWS_AS(convert::mastodon::parse_domain_block_json("{\"domain\":\"a\"}"), DomainBlockListError);
  CHECK_THROWS_AS(convert::mastodon::parse_domain_block_json("[{\"domain\":3}]"), DomainBlockListError);
  CHECK(convert::mastodon::looks_like_json("  [\n"));
  CHECK_FALSE(convert::mastodon::looks_like_json("#domain"));
}

TEST_CASE("an exported CSV reads back to the same blocks", "[domain_block_list]") {
  store::DomainBlockRecord a;
  a.domain = "a.example";
  a.severity = "silence";
  a.reject_media = true;
  a.public_comment = "loud, \"very\"";
  store::DomainBlockRecord b;
  b.domain = "b.example";
  b.obfuscate = true;
  auto csv = convert::mastodon::domain_blocks_csv({a, b});
  CHECK(csv.rfind("#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n", 0) == 0);
  auto rows = convert::mastodon::parse_domain_block_csv(csv);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].block.domain == "a.example");
  CHECK(rows[0].block.severity == "silence");
  CHECK(rows[0].block.reject_media);
  CHECK(rows[0].block.public_comment == "loud, \"very\"");
  CHECK(rows[1].block.severity == "suspend");
  CHECK(rows[1].block.obfuscate);
}
