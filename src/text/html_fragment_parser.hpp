#pragma once
// Parsing untrusted HTML with gumbo, with bounded time and memory.
#include <gumbo.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string_view>

namespace vmst::text {

// Debian's gumbo 0.10.1 has quadratic paths that hostile input reaches: every block start tag scans the stack of
// open elements, every character inside formatting elements checks that stack, and every attribute is compared
// with the tag's earlier ones. 128 KiB of "<div>" takes seconds, a tag with 40,000 attributes five. It has no
// limits of its own (the gumbo in Nokogiri, which Mastodon uses, added max_tree_depth and max_attributes), so the
// parse is given a budget instead and abandoned when it runs out.
struct HtmlParseBudget {
  std::chrono::milliseconds time{500};  // CPU time of the parsing thread (see thread_cpu_budget.hpp)
  std::size_t memory_bytes = std::size_t{256} << 20;
};

// An HTML fragment parsed as the content of a document's <body>, the way browsers parse a <body>'s innerHTML.
class ParsedHtmlFragment {
 public:
  // `html` must be valid UTF-8. When parsing would exceed the budget, or gumbo fails an assertion on the input
  // (see gumbo_parse_guard.hpp), the result is a fragment without nodes and complete() is false; whatever gumbo
  // allocated is freed.
  static ParsedHtmlFragment parse(std::string_view html, const HtmlParseBudget& budget = {});

  ParsedHtmlFragment(ParsedHtmlFragment&&) noexcept;
  ParsedHtmlFragment& operator=(ParsedHtmlFragment&&) noexcept;
  ~ParsedHtmlFragment();

  bool complete() const { return complete_; }
  // The top-level nodes of the fragment (empty when the parse was abandoned). Valid while this object lives.
  const GumboVector& nodes() const;

 private:
  struct Memory;
  ParsedHtmlFragment();

  std::unique_ptr<Memory> memory_;  // on the heap so that moving the fragment moves no byte gumbo points at
  bool complete_ = false;
  const GumboNode* body_ = nullptr;
};

}  // namespace vmst::text
