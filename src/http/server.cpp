#include "http/server.hpp"

#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "http/cors.hpp"
#include "http/error_responses.hpp"

namespace vmst::http {

namespace {
// Set by the pre-routing handler and read by the logger; both run on the worker serving the request.
thread_local std::chrono::steady_clock::time_point request_started;

const char* reason_for(int status) {
  switch (status) {
    case 400: return "Bad request";
    case 404: return "Record not found";
    case 405: return "Method not allowed";
    case 413: return "Request body too large";
    case 414: return "Request URI too long";
    case 416: return "Range not satisfiable";
    default: return status >= 500 ? "Internal server error" : "Request failed";
  }
}

int work_slot_count(int configured) {
  if (configured > 0) return configured;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}
}  // namespace

HttpServer::HttpServer(const ServerOptions& options, const Router& router)
    : options_(options), router_(router), work_slots_(work_slot_count(options.concurrent_requests)) {
  const int threads = options_.threads;
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server_.set_tcp_nodelay(true);
  server_.set_keep_alive_timeout(options_.keep_alive_timeout_seconds);
  server_.set_keep_alive_max_count(static_cast<size_t>(options_.keep_alive_max_requests));
  server_.set_read_timeout(options_.read_timeout_seconds, 0);
  server_.set_write_timeout(options_.write_timeout_seconds, 0);
  server_.set_payload_max_length(options_.max_body_bytes);
  server_.set_socket_options([this](socket_t fd) {
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd_ = fd;
  });

  server_.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });

  auto handler = [this](const httplib::Request& req, httplib::Response& res) { dispatch(req, res); };
  server_.Get(".*", handler);
  server_.Post(".*", handler);
  server_.Put(".*", handler);
  server_.Patch(".*", handler);
  server_.Delete(".*", handler);
  server_.Options(".*", handler);

  // Errors cpp-httplib produces itself (oversized body, malformed request line) get a JSON body too.
  server_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send_error(res, res.status, reason_for(res.status));
  });
  server_.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr e) {
    send_exception(req, res, e);
  });

  if (options_.access_log) {
    server_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      auto elapsed = std::chrono::steady_clock::now() - request_started;
      double ms = std::chrono::duration<double, std::milli>(elapsed).count();
      // The path only: query strings can carry access tokens.
      spdlog::info("{} {} {} {:.1f}ms", req.method, req.path, res.status, ms);
    });
  }
}

void HttpServer::bind() {
  const std::string address = options_.host + ":" + std::to_string(options_.port);
  if (options_.port == 0) {
    bound_port_ = server_.bind_to_any_port(options_.host);
    if (bound_port_ <= 0) throw std::runtime_error("cannot listen on " + address + ": " + std::strerror(errno));
  } else {
    if (!server_.bind_to_port(options_.host, options_.port)) {
      throw std::runtime_error("cannot listen on " + address + ": " + std::strerror(errno));
    }
    bound_port_ = options_.port;
  }
  // Re-listening on a listening socket only raises its backlog.
  if (int fd = listen_fd_.load(); fd >= 0 && ::listen(fd, options_.listen_backlog) != 0) {
    spdlog::warn("could not raise the listen backlog to {}: {}", options_.listen_backlog, std::strerror(errno));
  }
}

void HttpServer::run() {
  if (!server_.listen_after_bind() && server_.is_running()) {
    throw std::runtime_error("the HTTP server stopped unexpectedly");
  }
}

void HttpServer::stop() { server_.stop(); }

void HttpServer::dispatch(const httplib::Request& req, httplib::Response& res) {
  if (answer_preflight(req, res)) return;
  if (cors_applies(req.path)) add_cors_headers(res);
  concurrency::WorkSlots::Hold slot(work_slots_);
  try {
    if (rate_limits_ && !rate_limits_->admit(req, res)) return;
    auto method = parse_method(req.method);
    if (!method) throw HttpError(405, "Method not allowed");
    auto match = router_.match(*method, req.path);
    switch (match.outcome) {
      case Router::Outcome::Found: (*match.handler)(req, res, match.params); break;
      case Router::Outcome::MethodNotAllowed: throw HttpError(405, "Method not allowed");
      case Router::Outcome::NotFound: throw HttpError(404, "Record not found");
    }
  } catch (...) {
    send_exception(req, res, std::current_exception());
  }
}

}  // namespace vmst::http
