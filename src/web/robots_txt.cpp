#include "web/robots_txt.hpp"

namespace vmst::web {

const std::vector<std::string_view>& known_ai_crawlers() {
  static const std::vector<std::string_view> agents = {
      "GPTBot",          "ChatGPT-User",     "OAI-SearchBot",   "ClaudeBot",         "Claude-Web",
      "anthropic-ai",    "CCBot",            "Google-Extended", "GoogleOther",       "PerplexityBot",
      "Perplexity-User", "Bytespider",       "Applebot-Extended", "Meta-ExternalAgent", "Meta-ExternalFetcher",
      "FacebookBot",     "Amazonbot",        "Diffbot",         "cohere-ai",         "cohere-training-data-crawler",
      "AI2Bot",          "Ai2Bot-Dolma",     "YouBot",          "Timpibot",          "omgili",
      "omgilibot",       "ImagesiftBot",     "img2dataset",       "PetalBot",
      "Scrapy",          "MistralAI-User",   "DuckAssistBot",
  };
  return agents;
}

std::string robots_txt(const app::WebConfig& config) {
  std::string out;
  std::vector<std::string_view> refused;
  if (config.robots_block_ai) refused = known_ai_crawlers();
  for (const auto& agent : config.robots_blocked_agents) refused.push_back(agent);
  if (!refused.empty()) {
    out += "# People's posts here are for people to read. These crawlers are not welcome.\n";
    for (auto agent : refused) out += "User-agent: " + std::string(agent) + "\n";
    out += "Disallow: /\n\n";
  }
  out += "User-agent: *\nDisallow: /api/\nDisallow: /oauth/\nDisallow: /media_proxy/\nDisallow: /authorize_interaction\n";
  return out;
}

}  // namespace vmst::web
