#pragma once
// Whether a host's last label is a top-level domain that exists, the test Mastodon's link extractor applies.
#include <string_view>

namespace vmst::text {

// `lowercase_label` is one label in UTF-8 (IDN top-level domains in their Unicode form), already lowercased.
bool is_top_level_domain(std::string_view lowercase_label);

}  // namespace vmst::text
