#pragma once
// BlurHash (https://blurha.sh), the placeholder Mastodon clients paint while an image loads. Debian packages only a
// Python implementation (python3-blurhash) and no C or C++ library, so the encoder, a few dozen lines of arithmetic
// over a small RGB preview, is written here after the published algorithm.
#include <cstdint>
#include <string>
#include <vector>

namespace vmst::media {

// `rgb` holds width*height pixels of three 8-bit sRGB channels, row by row. Components are 1..9 per axis (Mastodon
// uses 4x4). Throws std::invalid_argument for an empty image, a short buffer or components out of range.
std::string encode_blurhash(const std::vector<uint8_t>& rgb, int width, int height, int x_components = 4,
                            int y_components = 4);

}  // namespace vmst::media
