#pragma once
// Redirect URIs of OAuth applications. Clients register all sorts: https pages (Elk, Phanpy), custom schemes
// (Tusky's oauth2redirect://..., Ivory's com.tapbots.Ivory.NNN:/request_token, which is not even a valid URL) and
// the out-of-band URN (toot, Mastodon.py). So they are stored and compared verbatim, and only what would run code
// in the browser (javascript:, data:, vbscript:) or could break the Location header (control characters, spaces)
// is refused.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vmst::services {

// "Show the code on a page instead of redirecting".
inline constexpr std::string_view kOutOfBandRedirect = "urn:ietf:wg:oauth:2.0:oob";

// The URIs of a registration: one per line (Mastodon.py joins a list with "\n"), whitespace around each trimmed,
// blank lines dropped.
std::vector<std::string> split_redirect_uris(std::string_view text);

// Why one URI cannot be registered, as the end of Mastodon's sentence "Redirect URI ..."; nullopt when it can.
std::optional<std::string> redirect_uri_problem(std::string_view uri);

// Exact match against the registered list (no prefix or normalisation: a looser rule lets a code be sent elsewhere).
bool redirect_uri_registered(const std::vector<std::string>& registered, std::string_view uri);

bool is_out_of_band(std::string_view uri);

// Where to send the browser with the result: params appended to the query (before any fragment) or, for
// response_mode=fragment, as the fragment (replacing one the URI had).
std::string redirect_with_params(std::string_view uri, const std::vector<std::pair<std::string, std::string>>& params,
                                 bool in_fragment = false);

}  // namespace vmst::services
