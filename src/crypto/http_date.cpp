#include "crypto/http_date.hpp"

#include "text/trim.hpp"

#include <algorithm>
#include <array>
#include <chrono>

namespace vmst::crypto {

namespace {

constexpr std::array<std::string_view, 7> kShortDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 7> kLongDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years four digits can show.
constexpr int64_t kFirstSecond = -62135596800;
constexpr int64_t kLastSecond = 253402300799;

void append_digits(std::string& out, unsigned value, int width) {
  char buf[8];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<size_t>(width));
}

// Reads the fixed grammar of RFC 9110's date forms left to right; every method consumes only on success.
class DateReader {
 public:
  explicit DateReader(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }

  bool literal(std::string_view expected) {
    if (text_.substr(pos_, expected.size()) != expected) return false;
    pos_ += expected.size();
    return true;
  }

  bool number(int width, int& out) {
    if (text_.size() - pos_ < static_cast<size_t>(width)) return false;
    int value = 0;
    for (int i = 0; i < width; ++i) {
      char c = text_[pos_ + static_cast<size_t>(i)];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos_ += static_cast<size_t>(width);
    out = value;
    return true;
  }

  // asctime's day: two digits, or a space then one digit.
  bool padded_day(int& out) {
    if (literal(" ")) return number(1, out);
    return number(2, out);
  }

  template <size_t N>
  bool one_of(const std::array<std::string_view, N>& names, int& index) {
    for (size_t i = 0; i < N; ++i) {
      if (literal(names[i])) {
        index = static_cast<int>(i);
        return true;
      }
    }
    return false;
  }

  bool time_of_day(int& hour, int& minute, int& second) {
    return number(2, hour) && literal(":") && number(2, minute) && literal(":") && number(2, second);
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

struct DateFields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

std::optional<DateFields> read_imf_fixdate(std::string_view text) {
  DateReader r(text);
  DateFields f;
  int ignored_weekday = 0;
  if (r.one_of(kShortDays, ignored_weekday) && r.literal(", ") && r.number(2, f.day) && r.literal(" ") &&
      r.one_of(kMonths, f.month) && r.literal(" ") && r.number(4, f.year) && r.literal(" ") &&
      r.time_of_day(f.hour, f.minute, f.second) && r.literal(" GMT") && r.at_end()) {
    return f;
  }
  return std::nullopt;
}

int current_utc_year() {
  using namespace std::chrono;
  return static_cast<int>(year_month_day{floor<days>(system_clock::now())}.year());
}

std::optional<DateFields> read_rfc850_date(std::string_view text) {
  DateReader r(text);
  DateFields f;
  int ignored_weekday = 0;
  int two_digit_year = 0;
  if (r.one_of(kLongDays, ignored_weekday) && r.literal(", ") && r.number(2, f.day) && r.literal("-") &&
      r.one_of(kMonths, f.month) && r.literal("-") && r.number(2, two_digit_year) && r.literal(" ") &&
      r.time_of_day(f.hour, f.minute, f.second) && r.literal(" GMT") && r.at_end()) {
    int this_year = current_utc_year();
    f.year = this_year - this_year % 100 + two_digit_year;
    if (f.year > this_year + 50) f.year -= 100;
    return f;
  }
  return std::nullopt;
}

std::optional<DateFields> read_asctime_date(std::string_view text) {
  DateReader r(text);
  DateFields f;
  int ignored_weekday = 0;
  if (r.one_of(kShortDays, ignored_weekday) && r.literal(" ") && r.one_of(kMonths, f.month) && r.literal(" ") &&
      r.padded_day(f.day) && r.literal(" ") && r.time_of_day(f.hour, f.minute, f.second) && r.literal(" ") &&
      r.number(4, f.year) && r.at_end()) {
    return f;
  }
  return std::nullopt;
}

}  // namespace

std::string http_date(int64_t unix_seconds) {
  using namespace std::chrono;
  sys_seconds t{seconds{std::clamp(unix_seconds, kFirstSecond, kLastSecond)}};
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};

  std::string out;
  out.reserve(29);
  out += kShortDays[weekday{day}.c_encoding()];
  out += ", ";
  append_digits(out, static_cast<unsigned>(ymd.day()), 2);
  out += ' ';
  out += kMonths[static_cast<unsigned>(ymd.month()) - 1];
  out += ' ';
  append_digits(out, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
  out += ' ';
  append_digits(out, static_cast<unsigned>(hms.hours().count()), 2);
  out += ':';
  append_digits(out, static_cast<unsigned>(hms.minutes().count()), 2);
  out += ':';
  append_digits(out, static_cast<unsigned>(hms.seconds().count()), 2);
  out += " GMT";
  return out;
}

std::optional<int64_t> parse_http_date(std::string_view value) {
  // Optional whitespace around a field value is not part of it (RFC 9110 §5.5).
  const std::string_view date = text::trim(value, text::kSpacesAndTabs);
  std::optional<DateFields> f = read_imf_fixdate(date);
  if (!f) f = read_rfc850_date(date);
  if (!f) f = read_asctime_date(date);
  if (!f) return std::nullopt;

  using namespace std::chrono;
  // one_of() gave a 0-based month index.
  year_month_day ymd{year{f->year}, month{static_cast<unsigned>(f->month + 1)}, day{static_cast<unsigned>(f->day)}};
  if (!ymd.ok() || f->hour > 23 || f->minute > 59 || f->second > 60) return std::nullopt;
  int64_t days_since_epoch = sys_days{ymd}.time_since_epoch().count();
  return days_since_epoch * 86400 + f->hour * 3600 + f->minute * 60 + f->second;
}

}  // namespace vmst::crypto
