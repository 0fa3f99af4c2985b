#include "media/emoji_pack.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <ctime>
#include <memory>

namespace vmst::media {

namespace {

struct ReaderCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};
struct WriterCloser {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryFree {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

std::string describe(archive* a) {
  const char* message = archive_error_string(a);
  return message ? message : "unknown error";
}

constexpr std::size_t kBlockBytes = 10240;

}  // namespace

std::vector<PackEntry> read_emoji_pack(const std::filesystem::path& path, std::size_t max_entry_bytes) {
  std::unique_ptr<archive, ReaderCloser> reader(archive_read_new());
  archive_read_support_filter_all(reader.get());
  archive_read_support_format_tar(reader.get());
  archive_read_support_format_gnutar(reader.get());
  if (archive_read_open_filename(reader.get(), path.c_str(), kBlockBytes) != ARCHIVE_OK) {
    throw PackError("cannot read " + path.string() + ": " + describe(reader.get()));
  }
  std::vector<PackEntry> entries;
  archive_entry* entry = nullptr;
  while (true) {
    int r = archive_read_next_header(reader.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      throw PackError(path.string() + " is not a readable tar archive: " + describe(reader.get()));
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    PackEntry item;
    const char* name = archive_entry_pathname(entry);
    item.name = name ? name : "";
    const la_int64_t size = archive_entry_size(entry);
    if (size < 0 || static_cast<std::size_t>(size) > max_entry_bytes) {
      item.too_big = true;
      entries.push_back(std::move(item));
      continue;  // the next header skips the data
    }
    item.bytes.resize(static_cast<std::size_t>(size));
    std::size_t got = 0;
    while (got < item.bytes.size()) {
      la_ssize_t n = archive_read_data(reader.get(), item.bytes.data() + got, item.bytes.size() - got);
      if (n < 0) throw PackError("cannot read " + item.name + " in " + path.string() + ": " + describe(reader.get()));
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    item.bytes.resize(got);
    entries.push_back(std::move(item));
  }
  return entries;
}

void write_emoji_pack(const std::filesystem::path& path, const std::vector<PackEntry>& entries) {
  std::unique_ptr<archive, WriterCloser> writer(archive_write_new());
  archive_write_add_filter_gzip(writer.get());
  archive_write_set_format_pax_restricted(writer.get());
  if (archive_write_open_filename(writer.get(), path.c_str()) != ARCHIVE_OK) {
    throw PackError("cannot write " + path.string() + ": " + describe(writer.get()));
  }
  const std::time_t now = std::time(nullptr);
  for (const auto& item : entries) {
    std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), item.name.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(item.bytes.size()));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_mtime(entry.get(), now, 0);
    if (archive_write_header(writer.get(), entry.get()) != ARCHIVE_OK ||
        archive_write_data(writer.get(), item.bytes.data(), item.bytes.size()) < 0) {
      throw PackError("cannot write " + path.string() + ": " + describe(writer.get()));
    }
  }
  if (archive_write_close(writer.get()) != ARCHIVE_OK) {
    throw PackError("cannot write " + path.string() + ": " + describe(writer.get()));
  }
}

}  // namespace vmst::media
