#pragma once
// What every streaming connection shares, owned by the StreamingServer and outliving its sessions' io work.
#include <boost/asio/any_io_executor.hpp>

#include "streaming/event_bus.hpp"
#include "streaming/lookup_thread.hpp"
#include "streaming/session_registry.hpp"
#include "streaming/streaming_options.hpp"

namespace vmst::streaming {

struct SessionContext {
  const StreamingOptions& options;
  const StreamingCallbacks& callbacks;
  EventBus& bus;
  LookupThread& lookups;
  SessionRegistry& registry;   // io thread only
  boost::asio::any_io_executor io;  // the one io thread
};

}  // namespace vmst::streaming
