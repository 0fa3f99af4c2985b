#include "store/embedded_resources.hpp"

namespace vmst::embedded {

std::optional<std::string_view> find(std::string_view path) {
  for (const auto& resource : all()) {
    if (resource.path == path) return resource.data;
  }
  return std::nullopt;
}

}  // namespace vmst::embedded
