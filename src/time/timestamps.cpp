#include "time/timestamps.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace vmst {

int64_t now_millis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {
std::tm utc_tm(int64_t millis) {
  // Floor division so that times before 1970 still land on the right second.
  int64_t seconds = millis / 1000;
  if (millis % 1000 < 0) --seconds;
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}
}  // namespace

std::string format_iso8601_millis(int64_t millis) {
  std::tm tm = utc_tm(millis);
  int ms = static_cast<int>(((millis % 1000) + 1000) % 1000);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

std::string format_iso8601_seconds(int64_t millis) {
  std::tm tm = utc_tm(millis);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string format_date(int64_t millis) {
  std::tm tm = utc_tm(millis);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

}  // namespace vmst
