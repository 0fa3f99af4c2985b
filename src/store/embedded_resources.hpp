#pragma once
// Files from schema/ and static/ compiled into the binary (see cmake/embed_resources.cmake).
#include <optional>
#include <string_view>
#include <vector>

namespace vmst::embedded {

struct Resource {
  std::string_view path;  // relative to the repository root, e.g. "schema/0001_initial.sql"
  std::string_view data;
};

// Sorted by path. Defined in the generated embedded_resources_data.cpp.
const std::vector<Resource>& all();

std::optional<std::string_view> find(std::string_view path);

}  // namespace vmst::embedded
