#pragma once
// Digests of what the converters read, the keys cached renderings are kept under (json_fragment_cache.hpp). Each is
// defined beside the converter it describes and must feed every value that converter reads: one left out would let
// a changed entity be served from its old bytes (tests/unit/convert/status_page_writer_test.cpp changes each input).
#include <cstdint>
#include <vector>

#include "convert/mastodon/fingerprint.hpp"
#include "store/account_store.hpp"
#include "store/custom_emoji_store.hpp"
#include "store/media_store.hpp"

namespace vmst::convert::mastodon {

// What account_json reads (account.cpp).
uint64_t account_fingerprint(const store::AccountRecord& account, const std::vector<store::CustomEmojiRecord>& emojis);
// What media_json reads (media_attachment.cpp).
void add_media_inputs(Fingerprint& fingerprint, const store::MediaRecord& media);
// What custom_emojis_json reads (custom_emoji.cpp).
void add_custom_emoji_inputs(Fingerprint& fingerprint, const std::vector<store::CustomEmojiRecord>& emojis);

}  // namespace vmst::convert::mastodon
