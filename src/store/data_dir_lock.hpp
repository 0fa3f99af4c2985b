#pragma once
// An exclusive lock on a data folder: `vmst serve` holds it for as long as it runs, and `vmst restore` takes it so
// that it never swaps the database under a running server (nor lets one start mid-restore). It is an flock() on
// <data_dir>/vmst.lock, released by the kernel when the process ends however it ends.
#include <filesystem>
#include <optional>

namespace vmst::store {

class DataDirLock {
 public:
  // The lock, or nullopt when another process holds it. Creates the folder and the lock file when missing.
  // Throws std::runtime_error when the file cannot be created.
  static std::optional<DataDirLock> try_acquire(const std::filesystem::path& data_dir);

  DataDirLock(DataDirLock&& other) noexcept;
  DataDirLock& operator=(DataDirLock&& other) noexcept;
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;
  ~DataDirLock();

  static std::filesystem::path lock_file(const std::filesystem::path& data_dir) { return data_dir / "vmst.lock"; }

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace vmst::store
