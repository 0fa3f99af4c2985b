#include "convert/mastodon/domain_block_list.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "text/trim.hpp"

namespace vmst::convert::mastodon {

namespace {

struct CsvRow {
  int line = 0;  // where the row starts, 1-based
  std::vector<std::string> fields;
};

// RFC 4180 with the usual leniencies: \n or \r\n line ends, a missing final line end.
std::vector<CsvRow> read_csv(std::string_view text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false;
  bool field_was_quoted = false;
  int line = 1;
  row.line = 1;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    field_was_quoted = false;
  };
  auto end_row = [&] {
    end_field();
    bool blank = row.fields.size() == 1 && row.fields[0].find_first_not_of(" \t") == std::string::npos;
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
    row.line = line;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line;
        field += ch;
      }
      continue;
    }
    if (ch == '"') {
      if (!field.empty() || field_was_quoted) {
        throw DomainBlockListError("line " + std::to_string(line) + ": a quote in the middle of an unquoted field");
      }
      quoted = true;
      field_was_quoted = true;
    } else if (ch == ',') {
      end_field();
    } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // the \n ends the row
    } else if (ch == '\n') {
      ++line;
      end_row();
    } else {
      field += ch;
    }
  }
  if (quoted) throw DomainBlockListError("line " + std::to_string(row.line) + ": a quoted field is never closed");
  if (!field.empty() || !row.fields.empty() || field_was_quoted) end_row();
  return rows;
}

std::string lowered(std::string_view value) {
  std::string s(value);
  for (auto& ch : s) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return s;
}

bool parse_bool(const std::string& value, const std::string& where, const std::string& column) {
  std::string v = lowered(text::trim(value, text::kSpacesAndTabs));
  if (v.empty() || v == "false" || v == "0") return false;
  if (v == "true" || v == "1") return true;
  throw DomainBlockListError(where + ": " + column + " must be true or false, not \"" + value + "\"");
}

std::string parse_severity(const std::string& value, const std::string& where) {
  std::string v = lowered(text::trim(value, text::kSpacesAndTabs));
  if (v.empty()) return "suspend";
  if (v == "noop" || v == "silence" || v == "suspend") return v;
  throw DomainBlockListError(where + ": severity must be noop, silence or suspend, not \"" + value + "\"");
}

// Column name as Mastodon writes it, without its '#'.
std::string column_name(const std::string& header) {
  std::string name = lowered(text::trim(header, text::kSpacesAndTabs));
  if (!name.empty() && name.front() == '#') name.erase(0, 1);
  return name;
}

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string json_text(const nlohmann::json& entry, const char* key, const std::string& where) {
  auto it = entry.find(key);
  if (it == entry.end() || it->is_null()) return "";
  if (!it->is_string()) throw DomainBlockListError(where + ": " + key + " must be a string");
  return it->get<std::string>();
}

bool json_bool(const nlohmann::json& entry, const char* key, const std::string& where) {
  auto it = entry.find(key);
  if (it == entry.end() || it->is_null()) return false;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_string()) return parse_bool(it->get<std::string>(), where, key);
  throw DomainBlockListError(where + ": " + key + " must be true or false");
}

}  // namespace

std::vector<ListedDomainBlock> parse_domain_block_csv(std::string_view text) {
  auto rows = read_csv(text);
  std::vector<ListedDomainBlock> out;
  if (rows.empty()) return out;

  std::map<std::string, size_t> columns;
  size_t first = 0;
  const auto& first_row = rows[0].fields;
  if (std::any_of(first_row.begin(), first_row.end(), [](const std::string& f) { return column_name(f) == "domain"; })) {
    for (size_t i = 0; i < rows[0].fields.size(); ++i) columns.emplace(column_name(rows[0].fields[i]), i);
    first = 1;
  } else {
    columns.emplace("domain", 0);
  }
  auto value = [&](const CsvRow& row, const char* name) -> std::optional<std::string> {
    auto it = columns.find(name);
    if (it == columns.end() || it->second >= row.fields.size()) return std::nullopt;
    return row.fields[it->second];
  };
  for (size_t r = first; r < rows.size(); ++r) {
    const auto& row = rows[r];
    ListedDomainBlock entry;
    entry.where = "line " + std::to_string(row.line);
    auto& b = entry.block;
    b.domain = text::trim(value(row, "domain").value_or(""), text::kSpacesAndTabs);
    b.severity = parse_severity(value(row, "severity").value_or(""), entry.where);
    b.reject_media = parse_bool(value(row, "reject_media").value_or(""), entry.where, "reject_media");
    b.reject_reports = parse_bool(value(row, "reject_reports").value_or(""), entry.where, "reject_reports");
    b.obfuscate = parse_bool(value(row, "obfuscate").value_or(""), entry.where, "obfuscate");
    b.public_comment = value(row, "public_comment").value_or("");
    b.private_comment = value(row, "private_comment").value_or("");
    out.push_back(std::move(entry));
  }
  return out;
}

std::vector<ListedDomainBlock> parse_domain_block_json(std::string_view text) {
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) throw DomainBlockListError("the file is not valid JSON");
  if (!doc.is_array()) throw DomainBlockListError("the JSON must be an array of domain blocks");
  std::vector<ListedDomainBlock> out;
  for (size_t i = 0; i < doc.size(); ++i) {
    ListedDomainBlock entry;
    entry.where = "entry " + std::to_string(i + 1);
    const auto& item = doc[i];
    if (!item.is_object()) throw DomainBlockListError(entry.where + ": not an object");
    auto& b = entry.block;
    b.domain = text::trim(json_text(item, "domain", entry.where), text::kSpacesAndTabs);
    b.severity = parse_severity(json_text(item, "severity", entry.where), entry.where);
    b.reject_media = json_bool(item, "reject_media", entry.where);
    b.reject_reports = json_bool(item, "reject_reports", entry.where);
    b.obfuscate = json_bool(item, "obfuscate", entry.where);
    b.public_comment = json_text(item, "public_comment", entry.where);
    if (b.public_comment.empty()) b.public_comment = json_text(item, "comment", entry.where);
    b.private_comment = json_text(item, "private_comment", entry.where);
    out.push_back(std::move(entry));
  }
  return out;
}

bool looks_like_json(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && (text[start] == '[' || text[start] == '{');
}

std::string domain_blocks_csv(const std::vector<store::DomainBlockRecord>& blocks) {
  std::string out = "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n";
  for (const auto& b : blocks) {
    out += csv_field(b.domain) + "," + b.severity + "," + (b.reject_media ? "true" : "false") + "," +
           (b.reject_reports ? "true" : "false") + "," + csv_field(b.public_comment) + "," +
           (b.obfuscate ? "true" : "false") + "\n";
  }
  return out;
}

nlohmann::json domain_blocks_json(const std::vector<store::DomainBlockRecord>& blocks) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& b : blocks) {
    out.push_back({{"domain", b.domain},
                   {"severity", b.severity},
                   {"reject_media", b.reject_media},
                   {"reject_reports", b.reject_reports},
                   {"public_comment", b.public_comment},
                   {"private_comment", b.private_comment},
                   {"obfuscate", b.obfuscate}});
  }
  return out;
}

}  // namespace vmst::convert::mastodon
