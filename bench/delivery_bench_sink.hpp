#pragma once
// The benchmark's remote servers: many loopback listening sockets (each one "host"), served by one epoll thread in
// a child process so its CPU and memory are not counted as the engine's. Each request is read in full (headers and
// Content-Length body) and answered `202 Accepted` over keep-alive, except on "mute" hosts, which accept and read
// but never answer (a server that times out).
#include <string>
#include <sys/types.h>
#include <vector>

namespace vmst::bench {

struct SinkHost {
  std::string address;  // 127.0.x.y
  int port = 0;
  bool mute = false;
};

struct RunningSink {
  pid_t pid = -1;
  std::vector<SinkHost> hosts;
};

// Forks the sink serving `count` hosts on 127.0.(i/250).(i%250+1), of which those with mute[i] never answer.
// Returns once every socket listens. Throws std::runtime_error on failure.
RunningSink start_sink(int count, const std::vector<bool>& mute);

// Kills the sink and reaps it.
void stop_sink(RunningSink& sink);

}  // namespace vmst::bench
