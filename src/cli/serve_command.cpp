// vmst serve: run the server until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "app/app.hpp"
#include "cli/command_context.hpp"
#include "store/data_dir_lock.hpp"

namespace vmst::cli {

namespace {

// Shutdown must finish within 10 seconds; if something hangs, leave anyway (the WAL keeps the data safe).
constexpr auto kShutdownDeadline = std::chrono::seconds(9);

int serve(const CommandContext& context) {
  app::Config config = context.load_config(/*quiet_logging=*/false);

  // Held until the process ends: `vmst restore` checks it, and a second server on the same folder is refused.
  auto data_dir_lock = store::DataDirLock::try_acquire(config.storage.data_dir);
  if (!data_dir_lock) {
    throw std::runtime_error("another vmst server is running on " + config.storage.data_dir.string() + " (it holds " +
                             store::DataDirLock::lock_file(config.storage.data_dir).string() + ")");
  }

  // Block SIGINT/SIGTERM before any thread exists, so every thread inherits the mask and only the waiting
  // thread below ever receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  app::App app(std::move(config));
  app.start();

  std::atomic<bool> serving_done{false};
  std::thread signal_waiter([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    if (serving_done) return;  // woken by run() returning on its own
    spdlog::info("received {}, shutting down", signal_number == SIGINT ? "SIGINT" : "SIGTERM");
    std::thread([] {
      std::this_thread::sleep_for(kShutdownDeadline);
      spdlog::error("shutdown took longer than {} s; exiting now", kShutdownDeadline.count());
      std::_Exit(1);
    }).detach();
    app.stop();
  });

  app.run();
  serving_done = true;
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  spdlog::info("stopped cleanly");
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* command = app.add_subcommand("serve", "Run the server (until SIGINT or SIGTERM)");
  add_config_option(*command, context);
  command->callback([&] { exit_code = run_command([&] { return serve(context); }); });
}

}  // namespace vmst::cli
