#pragma once
// Deleting the files of rows a transaction has removed, once it has committed (a rolled-back transaction must not
// lose files). Used by the suspend purge, the removal of a deleted remote account and the reject_media clear.
#include <filesystem>
#include <string>
#include <vector>

namespace vmst::services {

// Deletes files (relative to `media_root`); a missing one is no error, one that stays or is not a path inside the
// media folder is logged, never thrown. Returns how many are gone.
int remove_media_files(const std::filesystem::path& media_root, const std::vector<std::string>& files);

}  // namespace vmst::services
