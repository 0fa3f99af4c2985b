#pragma once
// The JSON-LD @context values vmst emits: the ActivityStreams and security vocabularies plus the Mastodon
// extension terms peers expect (Mastodon's context_helper lists the same terms).
#include <nlohmann/json.hpp>

namespace vmst::convert::as {

inline constexpr const char* kActivityStreams = "https://www.w3.org/ns/activitystreams";
inline constexpr const char* kSecurity = "https://w3id.org/security/v1";
inline constexpr const char* kPublic = "https://www.w3.org/ns/activitystreams#Public";
inline constexpr const char* kContentType = "application/activity+json; charset=utf-8";

// The @context of actor documents.
const nlohmann::json& actor_context();
// The @context of notes and activities.
const nlohmann::json& object_context();

}  // namespace vmst::convert::as
