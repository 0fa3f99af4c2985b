#pragma once
// Remote interaction from the public pages (Mastodon's remote follow): a signed-out visitor names their account
// elsewhere ("you@your.server"); that server's WebFinger answer says where it takes such requests (the
// `http://ostatus.org/schema/1.0/subscribe` template), and the visitor is sent there with the ActivityPub id of
// what they want to follow, reply to, boost or favourite.
#include <string>

#include "federation/webfinger_client.hpp"

namespace vmst::services {

struct RemoteInteractionTarget {
  std::string local_domain;  // a handle on this server goes to our own /authorize_interaction, without a lookup
  std::string local_base;    // "https://social.example"
};

// The address to send the visitor to: the template with {uri} replaced by the percent-encoded `uri`.
// Throws ServiceError: Invalid for something that is not user@server, NotFound when the server does not know the
// handle (or cannot be reached), Invalid when it names no http(s) template.
std::string remote_interaction_url(federation::WebfingerClient& webfinger, const RemoteInteractionTarget& here,
                                   const std::string& handle, const std::string& uri);

}  // namespace vmst::services
