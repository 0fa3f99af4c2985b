// In-app addresses under /web/ with the History API: links to /web/... are followed without reloading.
const routes = [];
let renderRoute = null;

export function route(pattern, view) {
  // "/web/statuses/:id" -> a RegExp with named groups
  const regex = new RegExp(`^${pattern.replace(/:([a-z]+)/g, '(?<$1>[^/]+)')}/?$`);
  routes.push({ regex, view });
}

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path); else history.pushState(null, '', path);
  renderRoute?.();
}

export function match(pathname) {
  for (const { regex, view } of routes) {
    const m = pathname.match(regex);
    if (m) {
      const params = {};
      for (const [k, v] of Object.entries(m.groups || {})) params[k] = decodeURIComponent(v);
      return { view, params };
    }
  }
  return null;
}

export function startRouter(render) {
  renderRoute = render;
  window.addEventListener('popstate', render);
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest('a[href]');
    if (!link || link.target === '_blank') return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith('/web')) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  render();
}
