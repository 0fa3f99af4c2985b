#include "media/blurhash.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace vmst::media {

namespace {

constexpr std::string_view kBase83 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

void append_base83(std::string& out, int value, int digits) {
  for (int i = digits - 1; i >= 0; --i) {
    int divisor = 1;
    for (int j = 0; j < i; ++j) divisor *= 83;
    out += kBase83[static_cast<size_t>((value / divisor) % 83)];
  }
}

double srgb_to_linear(uint8_t value) {
  const double v = value / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

int linear_to_srgb(double value) {
  const double v = std::clamp(value, 0.0, 1.0);
  if (v <= 0.0031308) return static_cast<int>(v * 12.92 * 255 + 0.5);
  return static_cast<int>((1.055 * std::pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
}

double sign_pow(double value, double exponent) { return std::copysign(std::pow(std::fabs(value), exponent), value); }

struct Colour {
  double r = 0, g = 0, b = 0;
};

}  // namespace

std::string encode_blurhash(const std::vector<uint8_t>& rgb, int width, int height, int x_components,
                            int y_components) {
  if (width <= 0 || height <= 0) throw std::invalid_argument("blurhash of an empty image");
  if (rgb.size() < static_cast<size_t>(width) * static_cast<size_t>(height) * 3) {
    throw std::invalid_argument("blurhash: fewer pixels than width x height");
  }
  if (x_components < 1 || x_components > 9 || y_components < 1 || y_components > 9) {
    throw std::invalid_argument("blurhash components must be 1..9");
  }

  // Linearise once; every component reads every pixel.
  std::vector<Colour> linear(static_cast<size_t>(width) * static_cast<size_t>(height));
  for (size_t i = 0; i < linear.size(); ++i) {
    linear[i] = {srgb_to_linear(rgb[i * 3]), srgb_to_linear(rgb[i * 3 + 1]), srgb_to_linear(rgb[i * 3 + 2])};
  }

  std::vector<Colour> factors;
  for (int j = 0; j < y_components; ++j) {
    for (int i = 0; i < x_components; ++i) {
      const double normalisation = (i == 0 && j == 0) ? 1 : 2;
      Colour sum;
      for (int y = 0; y < height; ++y) {
        const double basis_y = std::cos(std::numbers::pi * j * y / height);
        for (int x = 0; x < width; ++x) {
          const double basis = normalisation * std::cos(std::numbers::pi * i * x / width) * basis_y;
          const Colour& pixel = linear[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)];
          sum.r += basis * pixel.r;
          sum.g += basis * pixel.g;
          sum.b += basis * pixel.b;
        }
      }
      const double scale = 1.0 / (static_cast<double>(width) * height);
      factors.push_back({sum.r * scale, sum.g * scale, sum.b * scale});
    }
  }

  std::string hash;
  append_base83(hash, (x_components - 1) + (y_components - 1) * 9, 1);

  double maximum = 1;
  if (factors.size() > 1) {
    double actual = 0;
    for (size_t k = 1; k < factors.size(); ++k) {
      actual = std::max({actual, std::fabs(factors[k].r), std::fabs(factors[k].g), std::fabs(factors[k].b)});
    }
    const int quantised = std::clamp(static_cast<int>(std::floor(actual * 166 - 0.5)), 0, 82);
    maximum = (quantised + 1) / 166.0;
    append_base83(hash, quantised, 1);
  } else {
    append_base83(hash, 0, 1);
  }

  const Colour& dc = factors[0];
  append_base83(hash, (linear_to_srgb(dc.r) << 16) + (linear_to_srgb(dc.g) << 8) + linear_to_srgb(dc.b), 4);

  auto quantise_ac = [maximum](double value) {
    return std::clamp(static_cast<int>(std::floor(sign_pow(value / maximum, 0.5) * 9 + 9.5)), 0, 18);
  };
  for (size_t k = 1; k < factors.size(); ++k) {
    append_base83(hash, quantise_ac(factors[k].r) * 19 * 19 + quantise_ac(factors[k].g) * 19 + quantise_ac(factors[k].b),
                  2);
  }
  return hash;
}

}  // namespace vmst::media
