// vmst federation lookup HANDLE|URL: resolve a remote actor as the server would (WebFinger, signed fetch) and
// print what vmst stored. For admins debugging federation with another server.
#include <iostream>

#include "app/app.hpp"
#include "cli/command_context.hpp"
#include "federation/webfinger_client.hpp"
#include "services/instance_actor.hpp"

namespace vmst::cli {

void add_federation_command(CLI::App& app, CommandContext& context, int& exit_code) {
  auto* group = app.add_subcommand("federation", "Federation tools");
  group->require_subcommand(1);
  add_config_option(*group, context);
  auto target = std::make_shared<std::string>();
  auto* lookup = group->add_subcommand("lookup", "Fetch a remote actor by handle (user@host) or URL and store it");
  add_config_option(*lookup, context);
  lookup->add_option("target", *target, "user@host, @user@host or an actor URL")->required();
  lookup->callback([&, target] {
    exit_code = run_command([&] {
      app::Config config = context.load_config();
      auto db = context.open_database(config);
      federation::LocalUrls urls(config.base_url());
      services::ensure_instance_actor(*db, urls, config.instance.domain);
      federation::ActorResolver resolver(*db, app::net_policy(config), urls);
      store::AccountRecord actor;
      try {
        if (target->rfind("http://", 0) == 0 || target->rfind("https://", 0) == 0) {
          actor = resolver.by_uri(*target, /*refresh=*/true);
        } else {
          actor = federation::WebfingerClient(resolver, app::net_policy(config)).resolve_handle(*target);
        }
      } catch (const federation::ResolveError& e) {
        std::cerr << "vmst: " << e.what() << "\n";
        return kExitFailure;
      }
      std::cout << "@" << actor.username << "@" << actor.domain.value_or(config.instance.domain) << "\n"
                << "  id           " << actor.uri << "\n"
                << "  type         " << actor.actor_type << "\n"
                << "  name         " << actor.display_name << "\n"
                << "  inbox        " << actor.inbox_url << "\n"
                << "  shared inbox " << (actor.shared_inbox_url.empty() ? "(none)" : actor.shared_inbox_url) << "\n"
                << "  key          " << actor.public_key_id << "\n"
                << "  locked       " << (actor.locked ? "yes" : "no") << "\n";
      return 0;
    });
  });
}

}  // namespace vmst::cli
