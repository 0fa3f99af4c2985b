#include "media/image_dimensions.hpp"

#include <utility>

namespace vmst::media {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool has(size_t offset, size_t count) const { return offset <= bytes_.size() && count <= bytes_.size() - offset; }
  uint32_t u8(size_t at) const { return static_cast<unsigned char>(bytes_[at]); }
  uint32_t be16(size_t at) const { return (u8(at) << 8) | u8(at + 1); }
  uint32_t le16(size_t at) const { return u8(at) | (u8(at + 1) << 8); }
  uint32_t be32(size_t at) const { return (be16(at) << 16) | be16(at + 2); }
  uint32_t le32(size_t at) const { return le16(at) | (le16(at + 2) << 16); }
  uint32_t le24(size_t at) const { return u8(at) | (u8(at + 1) << 8) | (u8(at + 2) << 16); }
  bool match(size_t at, std::string_view magic) const {
    return has(at, magic.size()) && bytes_.substr(at, magic.size()) == magic;
  }
  size_t size() const { return bytes_.size(); }

 private:
  std::string_view bytes_;
};

std::optional<ImageSize> positive(int64_t width, int64_t height) {
  if (width <= 0 || height <= 0) return std::nullopt;
  return ImageSize{width, height};
}

std::optional<ImageSize> png(const Reader& r) {
  // The first chunk must be IHDR: length, "IHDR", width, height (big-endian).
  if (!r.match(12, "IHDR") || !r.has(16, 8)) return std::nullopt;
  return positive(r.be32(16), r.be32(20));
}

std::optional<ImageSize> gif(const Reader& r) {
  if (!r.has(6, 4)) return std::nullopt;
  return positive(r.le16(6), r.le16(8));
}

std::optional<ImageSize> webp(const Reader& r) {
  if (r.match(12, "VP8 ")) {
    // Lossy: a key frame's start code 9D 01 2A, then 14-bit width and height (the top two bits are scaling).
    if (!r.has(23, 7) || r.u8(23) != 0x9D || r.u8(24) != 0x01 || r.u8(25) != 0x2A) return std::nullopt;
    return positive(r.le16(26) & 0x3FFF, r.le16(28) & 0x3FFF);
  }
  if (r.match(12, "VP8L")) {
    // Lossless: signature 0x2F, then width-1 and height-1 in 14 bits each, packed little-endian.
    if (!r.has(20, 5) || r.u8(20) != 0x2F) return std::nullopt;
    const uint32_t bits = r.le32(21);
    return positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (r.match(12, "VP8X")) {
    // Extended: flags and reserved bytes, then canvas width-1 and height-1 in 24 bits each.
    if (!r.has(24, 6)) return std::nullopt;
    return positive(int64_t{r.le24(24)} + 1, int64_t{r.le24(27)} + 1);
  }
  return std::nullopt;
}

// The EXIF orientation (1-8) in an APP1 segment's payload, or 1 when absent or unreadable.
int exif_orientation(const Reader& r, size_t start, size_t length) {
  if (!r.match(start, std::string_view("Exif\0\0", 6))) return 1;
  const size_t tiff = start + 6;
  const size_t end = start + length;
  if (!r.has(tiff, 8) || tiff + 8 > end) return 1;
  const bool little = r.match(tiff, "II");
  if (!little && !r.match(tiff, "MM")) return 1;
  auto u16 = [&](size_t at) { return little ? r.le16(at) : r.be16(at); };
  auto u32 = [&](size_t at) { return little ? r.le32(at) : r.be32(at); };
  const size_t ifd = tiff + u32(tiff + 4);
  if (ifd < tiff || !r.has(ifd, 2) || ifd + 2 > end) return 1;
  const size_t entries = u16(ifd);
  for (size_t i = 0; i < entries; ++i) {
    const size_t entry = ifd + 2 + i * 12;
    if (!r.has(entry, 12) || entry + 12 > end) return 1;
    if (u16(entry) == 0x0112) {
      const uint32_t value = u16(entry + 8);
      return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    }
  }
  return 1;
}

std::optional<ImageSize> jpeg(const Reader& r) {
  int orientation = 1;
  size_t pos = 2;  // after SOI
  while (r.has(pos, 2)) {
    if (r.u8(pos) != 0xFF) return std::nullopt;
    const uint32_t marker = r.u8(pos + 1);
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    // Markers without a length: TEM, RSTn, SOI.
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
      pos += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // end of image or start of scan before any frame
    if (!r.has(pos + 2, 2)) return std::nullopt;
    const size_t length = r.be16(pos + 2);  // counts itself, not the marker
    if (length < 2) return std::nullopt;
    if (marker == 0xE1) orientation = exif_orientation(r, pos + 4, length - 2);
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (!r.has(pos + 5, 4)) return std::nullopt;
      int64_t height = r.be16(pos + 5), width = r.be16(pos + 7);
      if (orientation >= 5) std::swap(width, height);  // 5-8 are transposed or turned by 90 degrees
      return positive(width, height);
    }
    pos += 2 + length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageSize> image_dimensions(std::string_view bytes) {
  Reader r(bytes);
  if (r.match(0, "\x89PNG\r\n\x1A\n")) return png(r);
  if (r.match(0, "\xFF\xD8")) return jpeg(r);
  if (r.match(0, "GIF87a") || r.match(0, "GIF89a")) return gif(r);
  if (r.match(0, "RIFF") && r.match(8, "WEBP")) return webp(r);
  return std::nullopt;
}

}  // namespace vmst::media
