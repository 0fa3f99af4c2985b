#pragma once
// The "interact from your own server" form of the public pages (/interact?uri=...): a signed-out visitor who wants
// to follow an account or reply to, boost or favourite a post names their handle (you@your.server); the routes
// (remote_interaction_routes) then send them to their server's remote-interaction address. A plain form: the
// pages run no script.
#include <optional>
#include <string>

#include "web/public_pages.hpp"

namespace vmst::web {

// What the visitor wants to act on: an account or a status this server shows publicly, by its ActivityPub id.
struct InteractionSubject {
  std::string uri;
  bool account = false;     // else a status
  std::string title;        // "Follow Alice" / "Interact with Alice's post"
  std::string card_html;    // the status card, or the account's name line
};

// nullopt when `uri` names nothing public here (the form is not offered for arbitrary addresses).
std::optional<InteractionSubject> find_interaction_subject(const PublicPages& pages, const std::string& uri);

struct InteractionForm {
  std::string csrf_token;
  std::string handle;  // what the visitor typed, shown again after an error
  std::string error;   // plain text; "" for none
  int status = 200;
};

RenderedHtml render_remote_interaction_form(const PublicPages& pages, const InteractionSubject& subject,
                                            const InteractionForm& form);

// The address of the form for `uri`.
std::string remote_interaction_form_url(const std::string& uri);

}  // namespace vmst::web
