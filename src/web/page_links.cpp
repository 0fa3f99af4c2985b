#include "web/page_links.hpp"

#include <cctype>
#include <ctime>

namespace vmst::web {

std::string account_page_url(const store::AccountRecord& account, const federation::LocalUrls& urls) {
  if (account.local()) return urls.profile_page(account.username);
  return urls.base() + "/@" + account.username + "@" + *account.domain;
}

std::string status_page_url(const store::StatusRecord& status, const store::AccountRecord& author,
                            const federation::LocalUrls& urls) {
  if (status.local) return urls.status_page(author.username, status.id);
  return status.url && !status.url->empty() ? *status.url : status.uri;
}

std::string avatar_url(const store::AccountRecord& a, const federation::LocalUrls& urls) {
  if (a.suspended_at) return urls.default_avatar();
  if (a.avatar_file_path) return urls.media_file(*a.avatar_file_path);
  if (a.avatar_remote_url && !a.avatar_remote_url->empty()) return web_url(*a.avatar_remote_url);
  return urls.default_avatar();
}

std::string header_url(const store::AccountRecord& a, const federation::LocalUrls& urls) {
  if (a.suspended_at) return urls.default_header();
  if (a.header_file_path) return urls.media_file(*a.header_file_path);
  if (a.header_remote_url && !a.header_remote_url->empty()) return web_url(*a.header_remote_url);
  return urls.default_header();
}

std::string display_name(const store::AccountRecord& account) {
  return account.display_name.empty() ? account.username : account.display_name;
}

std::string full_handle(const store::AccountRecord& account, const std::string& local_domain) {
  return "@" + account.username + "@" + account.domain.value_or(local_domain);
}

std::string web_url(const std::string& url) {
  auto starts = [&](const char* prefix) {
    const std::string p(prefix);
    if (url.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    }
    return true;
  };
  return starts("https://") || starts("http://") ? url : "#";
}

std::string readable_time(int64_t millis) {
  std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[64];
  size_t n = std::strftime(buffer, sizeof buffer, "%d %b %Y, %H:%M UTC", &parts);
  return std::string(buffer, n);
}

}  // namespace vmst::web
