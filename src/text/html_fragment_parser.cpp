#include "text/html_fragment_parser.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <string>
#include <utility>

#include "text/gumbo_parse_guard.hpp"
#include "text/thread_cpu_budget.hpp"

namespace vmst::text {
namespace {

constexpr GumboVector kNoNodes = {nullptr, 0, 0};
constexpr std::string_view kBodyStartTag = "<body>";

// Null when a <frameset> replaced the body: frames are never kept, so the fragment then has no nodes.
const GumboNode* body_of(const GumboNode& html) {
  const GumboVector& children = html.v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY) return child;
  }
  return nullptr;
}

// Gumbo's allocations are carved from large chunks and freed together with the parse: an abandoned parse needs no
// help from gumbo, a finished one no gumbo_destroy_output (which recurses once per level of nesting), and a parse
// makes a few hundred calls to malloc rather than a million (under AddressSanitizer those dominate the time).
// Gumbo frees what it outgrows, mostly buffers it doubles; that space stays in its chunk until the end, which for
// 1 MiB of input comes to at most some 50 MB in all.
struct alignas(std::max_align_t) ChunkHeader {
  ChunkHeader* previous;
};

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
constexpr std::size_t kAlignment = alignof(std::max_align_t);

}  // namespace

// The input and the chunks gumbo's allocations come from.
struct ParsedHtmlFragment::Memory {
  std::string html;  // gumbo's nodes point into it
  ChunkHeader* last_chunk = nullptr;
  std::byte* free_space = nullptr;
  std::size_t free_bytes = 0;
  std::size_t chunk_bytes = 0;  // malloc'ed so far
  std::size_t memory_limit = 0;
  ThreadCpuBudget time;

  explicit Memory(const HtmlParseBudget& budget) : memory_limit(budget.memory_bytes), time(budget.time) {}
  Memory(const Memory&) = delete;
  Memory& operator=(const Memory&) = delete;

  ~Memory() {
    while (last_chunk != nullptr) {
      ChunkHeader* previous = last_chunk->previous;
      std::free(last_chunk);
      last_chunk = previous;
    }
  }

  void add_chunk(std::size_t at_least) {
    const std::size_t bytes = std::max(kChunkBytes, sizeof(ChunkHeader) + at_least);
    if (bytes > memory_limit - std::min(memory_limit, chunk_bytes)) abandon_gumbo_parse();
    auto* chunk = static_cast<ChunkHeader*>(std::malloc(bytes));
    if (chunk == nullptr) abandon_gumbo_parse();
    chunk->previous = last_chunk;
    last_chunk = chunk;
    chunk_bytes += bytes;
    free_space = reinterpret_cast<std::byte*>(chunk + 1);
    free_bytes = bytes - sizeof(ChunkHeader);
  }

  // Gumbo has no way to stop a parse and does not check for failed allocations; its allocations are the only
  // place to notice that the budget ran out. Time is checked on every one: a quadratic stretch without
  // allocations runs at most until gumbo's next buffer doubles, within about twice the time spent so far.
  static void* allocate(void* userdata, std::size_t size) {
    auto* self = static_cast<Memory*>(userdata);
    if (self->time.exhausted()) abandon_gumbo_parse();
    if (size > self->memory_limit) abandon_gumbo_parse();
    const std::size_t aligned = std::max(kAlignment, (size + kAlignment - 1) / kAlignment * kAlignment);
    if (aligned > self->free_bytes) self->add_chunk(aligned);
    std::byte* block = self->free_space;
    self->free_space += aligned;
    self->free_bytes -= aligned;
    return block;
  }

  static void deallocate(void*, void*) {}
};

ParsedHtmlFragment::ParsedHtmlFragment() = default;
ParsedHtmlFragment::ParsedHtmlFragment(ParsedHtmlFragment&&) noexcept = default;
ParsedHtmlFragment& ParsedHtmlFragment::operator=(ParsedHtmlFragment&&) noexcept = default;
ParsedHtmlFragment::~ParsedHtmlFragment() = default;

ParsedHtmlFragment ParsedHtmlFragment::parse(std::string_view html, const HtmlParseBudget& budget) {
  ParsedHtmlFragment fragment;
  fragment.memory_ = std::make_unique<Memory>(budget);
  Memory& memory = *fragment.memory_;
  // Gumbo 0.10.1's fragment mode aborts on assertions for inputs such as
  // "<math><html><mtext><table></table></body>"; its document mode is the one tested against html5lib. A leading
  // <body> puts everything that follows in the body, as a fragment parse in a <body> context would.
  memory.html.reserve(kBodyStartTag.size() + html.size());
  memory.html.append(kBodyStartTag).append(html);

  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Memory::allocate;
  options.deallocator = &Memory::deallocate;
  options.userdata = &memory;
  options.max_errors = 0;  // the error list is unused; recording it only costs memory

  const GumboOutput* output = guarded_gumbo_parse(options, memory.html);
  if (output == nullptr) {
    fragment.memory_.reset();  // frees the abandoned parse now rather than with the fragment
    return fragment;
  }
  fragment.complete_ = true;
  fragment.body_ = body_of(*output->root);
  return fragment;
}

const GumboVector& ParsedHtmlFragment::nodes() const { return body_ != nullptr ? body_->v.element.children : kNoNodes; }

}  // namespace vmst::text
