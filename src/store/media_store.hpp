#pragma once
// SQL for media attachments: uploads waiting for a status, and the files of posted statuses.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct MediaRecord {
  int64_t id = 0;
  int64_t account_id = 0;
  std::optional<int64_t> status_id;
  int position = 0;
  std::string type = "unknown";  // image | gifv | video | audio | unknown
  std::string state = "ready";   // processing | ready | failed
  std::optional<std::string> file_path, file_content_type;
  std::optional<int64_t> file_size;
  std::optional<std::string> thumbnail_path, remote_url, description, blurhash;
  std::string meta_json = "{}";
  double focus_x = 0, focus_y = 0;
  int64_t created_at = 0, updated_at = 0;
};

void insert_media(Connection& c, const MediaRecord& media);
std::optional<MediaRecord> find_media(Connection& c, int64_t id);
// Attachments of the statuses, ordered by status then position.
std::vector<MediaRecord> media_of_statuses(Connection& c, const std::vector<int64_t>& status_ids);
// Attaches the media to the status in the given order.
void attach_media(Connection& c, int64_t status_id, const std::vector<int64_t>& media_ids);
void detach_media(Connection& c, int64_t status_id);
void update_media_description(Connection& c, int64_t id, const std::optional<std::string>& description,
                              std::optional<std::pair<double, double>> focus, int64_t now);

}  // namespace vmst::store
