#pragma once
// The SQL condition the domain-wide statements share (domain blocks, their purge).
namespace vmst::store {

// Accounts `a` on domain :d, its subdomains, with or without a port.
inline constexpr const char* kAccountOnDomain =
    "(a.domain = :d OR a.domain LIKE :d || ':%' OR a.domain LIKE '%.' || :d OR a.domain LIKE '%.' || :d || ':%')";

}  // namespace vmst::store
