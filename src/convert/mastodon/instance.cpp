#include "convert/mastodon/instance.hpp"

#include "convert/mastodon/account.hpp"

namespace vmst::convert::mastodon {

namespace {

using nlohmann::json;

// Limits this server keeps, at Mastodon's values where clients assume them (client-api.md §3 suggestions).
constexpr int kMaxCharacters = 500;
constexpr int kMaxMediaAttachments = 4;
constexpr int kCharactersReservedPerUrl = 23;
constexpr int kVideoMatrixLimit = 8'294'400;   // 3840 x 2160 pixels
constexpr int kVideoFrameRateLimit = 120;
constexpr int kDescriptionLimit = 1500;
constexpr int kPollMaxOptions = 4;
constexpr int kPollMaxCharactersPerOption = 50;
constexpr int kPollMinExpiration = 300;        // seconds
constexpr int kPollMaxExpiration = 2'629'746;  // one month, in seconds
constexpr int kMaxFeaturedTags = 10;
constexpr int kMaxPinnedStatuses = 5;
constexpr int kMaxDisplayNameLength = 30;
constexpr int kMaxNoteLength = 500;
constexpr int kMaxProfileFields = 4;
constexpr int kProfileFieldLimit = 255;

json rules_json(const InstanceView& instance) {
  json out = json::array();
  for (const auto& rule : instance.rules) out.push_back(rule_json(rule));
  return out;
}

json contact_account_json(const InstanceView& instance, const federation::LocalUrls& urls) {
  return instance.contact_account ? account_json(*instance.contact_account, urls) : json();
}

json statuses_limits() {
  return {{"max_characters", kMaxCharacters},
          {"max_media_attachments", kMaxMediaAttachments},
          {"characters_reserved_per_url", kCharactersReservedPerUrl}};
}

json polls_limits() {
  return {{"max_options", kPollMaxOptions},
          {"max_characters_per_option", kPollMaxCharactersPerOption},
          {"min_expiration", kPollMinExpiration},
          {"max_expiration", kPollMaxExpiration}};
}

json media_limits(const InstanceView& instance) {
  return {{"supported_mime_types", instance.supported_mime_types},
          {"image_size_limit", instance.image_size_limit},
          {"image_matrix_limit", instance.image_matrix_limit},
          {"video_size_limit", instance.video_size_limit},
          {"video_frame_rate_limit", kVideoFrameRateLimit},
          {"video_matrix_limit", kVideoMatrixLimit}};
}

std::string thumbnail_url(const federation::LocalUrls& urls) { return urls.base() + "/static/preview.png"; }

}  // namespace

std::string compatible_version_string(const std::string& mastodon_version, const std::string& our_version) {
  return mastodon_version + " (compatible; vmst " + our_version + ")";
}

json rule_json(const store::InstanceRule& rule) {
  return {{"id", std::to_string(rule.id)}, {"text", rule.text}, {"hint", rule.hint}};
}

json instance_v1_json(const InstanceView& instance, const federation::LocalUrls& urls) {
  return {
      {"uri", instance.domain},
      {"title", instance.title},
      {"short_description", instance.short_description},
      {"description", instance.short_description},
      {"email", instance.contact_email},
      {"version", instance.version},
      {"urls", {{"streaming_api", instance.streaming_url}}},
      {"stats",
       {{"user_count", instance.usage.total_users},
        {"status_count", instance.usage.local_posts},
        {"domain_count", instance.usage.known_domains}}},
      {"thumbnail", thumbnail_url(urls)},
      {"languages", json::array({"en"})},
      {"registrations", instance.registrations != "closed"},
      {"approval_required", instance.registrations == "approval"},
      {"invites_enabled", false},
      {"configuration",
       {{"accounts", {{"max_featured_tags", kMaxFeaturedTags}}},
        {"statuses", statuses_limits()},
        {"media_attachments", media_limits(instance)},
        {"polls", polls_limits()}}},
      {"contact_account", contact_account_json(instance, urls)},
      {"rules", rules_json(instance)},
  };
}

json instance_v2_json(const InstanceView& instance, const federation::LocalUrls& urls) {
  json media = media_limits(instance);
  media["description_limit"] = kDescriptionLimit;
  const std::string icon_base = urls.base() + "/static/icons/icon-";
  return {
      {"domain", instance.domain},
      {"title", instance.title},
      {"version", instance.version},
      // TODO: the project's public repository once it has one; until then the instance itself.
      {"source_url", urls.base() + "/"},
      {"description", instance.short_description},
      {"usage", {{"users", {{"active_month", instance.usage.active_month}}}}},
      {"thumbnail",
       {{"url", thumbnail_url(urls)},
        {"blurhash", nullptr},
        {"versions", {{"@1x", thumbnail_url(urls)}, {"@2x", thumbnail_url(urls)}}}}},
      {"icon",
       json::array({{{"src", icon_base + "192x192.png"}, {"size", "192x192"}},
                    {{"src", icon_base + "512x512.png"}, {"size", "512x512"}}})},
      {"languages", json::array({"en"})},
      {"configuration",
       {{"urls",
         {{"streaming", instance.streaming_url},
          {"status", nullptr},
          {"about", urls.base() + "/about"},
          {"privacy_policy", instance.has_privacy_policy ? json(urls.base() + "/privacy-policy") : json()},
          {"terms_of_service", instance.has_terms_of_service ? json(urls.base() + "/terms-of-service") : json()}}},
        // No Web Push yet: clients that read the key find null and skip push registration.
        {"vapid", {{"public_key", nullptr}}},
        {"accounts",
         {{"max_featured_tags", kMaxFeaturedTags},
          {"max_pinned_statuses", kMaxPinnedStatuses},
          {"max_display_name_length", kMaxDisplayNameLength},
          {"max_note_length", kMaxNoteLength},
          {"max_profile_fields", kMaxProfileFields},
          {"profile_field_name_limit", kProfileFieldLimit},
          {"profile_field_value_limit", kProfileFieldLimit}}},
        {"statuses", statuses_limits()},
        {"media_attachments", media},
        {"polls", polls_limits()},
        {"translation", {{"enabled", false}}},
        {"limited_federation", false}}},
      {"registrations",
       {{"enabled", instance.registrations != "closed"},
        {"approval_required", instance.registrations == "approval"},
        {"reason_required", instance.registrations == "approval"},
        {"message", nullptr},
        {"min_age", nullptr},
        {"url", nullptr}}},
      // 2 as Mastodon 4.3: grouped notifications (/api/v2/notifications) exist, and Phanpy uses them from 2.
      {"api_versions", {{"mastodon", 2}}},
      {"contact", {{"email", instance.contact_email}, {"account", contact_account_json(instance, urls)}}},
      {"rules", rules_json(instance)},
  };
}

}  // namespace vmst::convert::mastodon
