#include "delivery_bench_sink.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <strings.h>
#include <unordered_map>

namespace vmst::bench {

namespace {

void raise_fd_limit() {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

struct Connection {
  std::string in;
  bool mute = false;
};

// Bytes of the first complete request in `buffer`, or 0 when it is not complete yet.
size_t complete_request(const std::string& buffer) {
  auto end = buffer.find("\r\n\r\n");
  if (end == std::string::npos) return 0;
  size_t length = 0;
  size_t line = 0;
  while (line < end) {
    size_t next = buffer.find("\r\n", line);
    if (next == std::string::npos || next > end) next = end;
    if (next - line > 15 && strncasecmp(buffer.data() + line, "content-length:", 15) == 0) {
      length = std::strtoul(buffer.data() + line + 15, nullptr, 10);
    }
    line = next + 2;
  }
  size_t total = end + 4 + length;
  return buffer.size() >= total ? total : 0;
}

[[noreturn]] void serve(const std::vector<int>& listeners, const std::vector<bool>& mute) {
  int ep = epoll_create1(0);
  std::unordered_map<int, bool> listener_mute;
  for (size_t i = 0; i < listeners.size(); ++i) {
    listener_mute[listeners[i]] = mute[i];
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = listeners[i];
    epoll_ctl(ep, EPOLL_CTL_ADD, listeners[i], &ev);
  }
  std::unordered_map<int, Connection> connections;
  static const char kResponse[] = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n";
  std::vector<epoll_event> events(1024);
  char chunk[65536];
  for (;;) {
    int n = epoll_wait(ep, events.data(), static_cast<int>(events.size()), -1);
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      if (auto l = listener_mute.find(fd); l != listener_mute.end()) {
        for (;;) {
          int c = accept4(fd, nullptr, nullptr, SOCK_NONBLOCK);
          if (c < 0) break;
          int one = 1;
          setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          connections[c].mute = l->second;
          epoll_event ev{};
          ev.events = EPOLLIN | EPOLLRDHUP;
          ev.data.fd = c;
          epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
        }
        continue;
      }
      auto& conn = connections[fd];
      bool closed = (events[i].events & (EPOLLHUP | EPOLLERR)) != 0;
      for (;;) {
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got > 0) {
          conn.in.append(chunk, static_cast<size_t>(got));
          continue;
        }
        if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) closed = true;
        break;
      }
      std::string out;
      while (size_t used = complete_request(conn.in)) {
        conn.in.erase(0, used);
        if (!conn.mute) out.append(kResponse, sizeof kResponse - 1);
      }
      if (!out.empty()) {
        // Responses are tiny; the socket buffer takes them whole.
        ssize_t ignored = write(fd, out.data(), out.size());
        (void)ignored;
      }
      if (closed) {
        epoll_ctl(ep, EPOLL_CTL_DEL, fd, nullptr);
        close(fd);
        connections.erase(fd);
      }
    }
  }
}

}  // namespace

RunningSink start_sink(int count, const std::vector<bool>& mute) {
  raise_fd_limit();
  RunningSink sink;
  std::vector<int> listeners;
  for (int i = 0; i < count; ++i) {
    SinkHost host;
    host.address = "127.0." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1);
    host.mute = mute[static_cast<size_t>(i)];
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    inet_pton(AF_INET, host.address.c_str(), &addr.sin_addr);
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 4096) != 0) {
      throw std::runtime_error("cannot listen on " + host.address + ": " + std::strerror(errno));
    }
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    host.port = ntohs(addr.sin_port);
    set_nonblocking(fd);
    listeners.push_back(fd);
    sink.hosts.push_back(host);
  }
  // The sockets already listen, so connections queue in their backlogs until the child serves them.
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) serve(listeners, mute);
  for (int fd : listeners) close(fd);
  sink.pid = pid;
  return sink;
}

void stop_sink(RunningSink& sink) {
  if (sink.pid <= 0) return;
  kill(sink.pid, SIGKILL);
  int status = 0;
  waitpid(sink.pid, &status, 0);
  sink.pid = -1;
}

}  // namespace vmst::bench
