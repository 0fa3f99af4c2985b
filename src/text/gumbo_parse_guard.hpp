#pragma once
// Running gumbo so that a parse can end early without ending the process.
#include <gumbo.h>

#include <string_view>

namespace vmst::text {

// gumbo_parse_with_options, except that it returns nullptr when the parse is abandoned: by abandon_gumbo_parse(),
// or by gumbo failing one of its assertions. Debian builds gumbo 0.10.1 with assertions on, and hostile input
// reaches some of them ("<table><math><mi><![CDATA[x]]>y" in document mode; fragment mode has more), which
// would abort() the server. Whatever gumbo allocated for an abandoned parse is the allocator's to free.
GumboOutput* guarded_gumbo_parse(const GumboOptions& options, std::string_view html);

// For gumbo's allocator callbacks: leaves the parse running on this thread, which guarded_gumbo_parse then
// reports as abandoned. Only valid inside guarded_gumbo_parse.
[[noreturn]] void abandon_gumbo_parse();

}  // namespace vmst::text
