#include "store/instance_page_store.hpp"

namespace vmst::store {

void upsert_instance_page(Connection& c, const InstancePage& page) {
  auto& q = c.prepare(
      "INSERT INTO instance_pages (slug, title, markdown, updated_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (slug) DO UPDATE SET title = excluded.title, markdown = excluded.markdown,"
      " updated_at = excluded.updated_at");
  q.bind(1, page.slug);
  q.bind(2, page.title);
  q.bind(3, page.markdown);
  q.bind(4, page.updated_at);
  q.exec();
}

bool delete_instance_page(Connection& c, const std::string& slug) {
  auto& q = c.prepare("DELETE FROM instance_pages WHERE slug = ?");
  q.bind(1, slug);
  return q.exec() > 0;
}

std::vector<InstancePage> all_instance_pages(Connection& c) {
  auto& q = c.prepare("SELECT slug, title, markdown, updated_at FROM instance_pages ORDER BY slug");
  std::vector<InstancePage> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt64()});
  }
  return out;
}

}  // namespace vmst::store
