#include "convert/activitystreams/context.hpp"

namespace vmst::convert::as {

const nlohmann::json& actor_context() {
  static const nlohmann::json context = nlohmann::json::array({
      kActivityStreams,
      kSecurity,
      {
          {"manuallyApprovesFollowers", "as:manuallyApprovesFollowers"},
          {"toot", "http://joinmastodon.org/ns#"},
          {"featured", {{"@id", "toot:featured"}, {"@type", "@id"}}},
          {"featuredTags", {{"@id", "toot:featuredTags"}, {"@type", "@id"}}},
          {"alsoKnownAs", {{"@id", "as:alsoKnownAs"}, {"@type", "@id"}}},
          {"movedTo", {{"@id", "as:movedTo"}, {"@type", "@id"}}},
          {"schema", "http://schema.org#"},
          {"PropertyValue", "schema:PropertyValue"},
          {"value", "schema:value"},
          {"discoverable", "toot:discoverable"},
          {"indexable", "toot:indexable"},
          {"suspended", "toot:suspended"},
          {"memorial", "toot:memorial"},
          {"Hashtag", "as:Hashtag"},
          {"Emoji", "toot:Emoji"},
          {"focalPoint", {{"@container", "@list"}, {"@id", "toot:focalPoint"}}},
          {"webfinger", {{"@id", "https://purl.archive.org/socialweb/webfinger#webfinger"}, {"@type", "xsd:string"}}},
          {"xsd", "http://www.w3.org/2001/XMLSchema#"},
      },
  });
  return context;
}

const nlohmann::json& object_context() {
  static const nlohmann::json context = nlohmann::json::array({
      kActivityStreams,
      {
          {"ostatus", "http://ostatus.org#"},
          {"atomUri", "ostatus:atomUri"},
          {"inReplyToAtomUri", "ostatus:inReplyToAtomUri"},
          {"conversation", "ostatus:conversation"},
          {"sensitive", "as:sensitive"},
          {"toot", "http://joinmastodon.org/ns#"},
          {"votersCount", "toot:votersCount"},
          {"Hashtag", "as:Hashtag"},
          {"Emoji", "toot:Emoji"},
          {"focalPoint", {{"@container", "@list"}, {"@id", "toot:focalPoint"}}},
          {"blurhash", "toot:blurhash"},
      },
  });
  return context;
}

}  // namespace vmst::convert::as
