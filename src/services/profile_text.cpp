#include "services/profile_text.hpp"

#include "services/account_lookup.hpp"
#include "text/hashtag_name.hpp"
#include "text/status_html_renderer.hpp"

namespace vmst::services {

namespace {

std::string render(store::Connection& c, const federation::LocalUrls& urls, const std::string& local_domain,
                   std::string_view text, bool field) {
  text::StatusHtmlOptions options;
  options.multiline = !field;
  options.rel_me = field;
  options.resolve_mention = [&](std::string_view handle) -> std::optional<text::MentionLink> {
    auto parsed = parse_handle(std::string(handle));
    if (!parsed) return std::nullopt;
    auto account = find_by_handle(c, *parsed, local_domain);
    if (!account) return std::nullopt;
    return text::MentionLink{account->url.value_or(account->uri), account->username};
  };
  options.hashtag_url = [&](std::string_view tag) {
    return urls.tag_page(text::hashtag_path_segment(text::normalize_hashtag_name(tag)));
  };
  return text::render_status_html(text, options);
}

}  // namespace

std::string render_profile_note(store::Connection& c, const federation::LocalUrls& urls,
                                const std::string& local_domain, std::string_view text) {
  return render(c, urls, local_domain, text, false);
}

std::string render_profile_field_value(store::Connection& c, const federation::LocalUrls& urls,
                                       const std::string& local_domain, std::string_view text) {
  return render(c, urls, local_domain, text, true);
}

}  // namespace vmst::services
