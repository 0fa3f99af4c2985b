#pragma once
// Settings of the delivery engine; app/config.cpp fills them from the [delivery] section.
#include <cstdint>
#include <string>

#include "delivery/backoff.hpp"
#include "delivery/circuit_breaker.hpp"

namespace vmst::delivery {

struct DeliveryOptions {
  int workers = 64;                   // threads sending requests; a slow or hanging host holds one each
  int per_host_concurrency = 4;       // simultaneous requests to one healthy host
  int claim_batch = 256;              // jobs claimed from the database at a time
  int connect_timeout_seconds = 10;
  int read_timeout_seconds = 10;      // also the write timeout
  size_t max_response_bytes = 64 * 1024;  // more than this and the connection is dropped (the status still counts)
  size_t max_idle_connections = 1024;     // keep-alive connections kept for reuse across all hosts
  int poll_interval_ms = 1000;        // how often the queue is checked without wake() (other processes enqueue too)
  int flush_interval_ms = 20;         // results are written back in batches at most this old
  int stop_grace_ms = 3000;           // stop() waits this long for requests in flight, then abandons them
  int keep_finished_hours = 24;       // done and dead jobs are deleted after this
  RetrySchedule retry;
  BreakerPolicy breaker;
};

}  // namespace vmst::delivery
