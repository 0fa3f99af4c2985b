#pragma once
// robots.txt, built from the [web] settings: the known AI crawlers are refused by default, and the API and OAuth
// paths are off limits to every crawler.
#include <string>
#include <string_view>
#include <vector>

#include "app/config.hpp"

namespace vmst::web {

// The User-agent tokens of crawlers that gather text for AI models, as their operators document them.
const std::vector<std::string_view>& known_ai_crawlers();

std::string robots_txt(const app::WebConfig& config);

}  // namespace vmst::web
