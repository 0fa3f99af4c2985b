#include "text/gumbo_parse_guard.hpp"

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>

namespace vmst::text {
namespace {

// The parse running on this thread, if any.
thread_local std::jmp_buf* running_parse = nullptr;

}  // namespace

// Gumbo is C and keeps no global state, so leaving it by longjmp loses nothing but its allocations, and nothing
// between here and the jump has a destructor to skip.
GumboOutput* guarded_gumbo_parse(const GumboOptions& options, std::string_view html) {
  std::jmp_buf abandon;
  if (setjmp(abandon) != 0) {
    running_parse = nullptr;
    return nullptr;
  }
  running_parse = &abandon;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  running_parse = nullptr;
  return output;
}

void abandon_gumbo_parse() {
  if (running_parse == nullptr) std::abort();  // a programming error: there is no parse to leave
  std::longjmp(*running_parse, 1);
}

}  // namespace vmst::text

// glibc's assert() calls __assert_fail, and libgumbo.so links to it dynamically, so this definition in the
// executable takes its place (as interposing any libc function does). A failed assertion inside a parse on this
// thread abandons the parse; any other behaves as glibc's does: message on stderr, then abort().
extern "C" [[noreturn]] void __assert_fail(const char* assertion, const char* file, unsigned int line,
                                           const char* function) noexcept {
  if (vmst::text::running_parse != nullptr) std::longjmp(*vmst::text::running_parse, 1);
  std::fprintf(stderr, "%s: %s:%u: %s%sAssertion `%s' failed.\n", program_invocation_short_name, file, line,
               function != nullptr ? function : "", function != nullptr ? ": " : "", assertion);
  std::abort();
}
