// A list that pages through a `Link: rel="next"` chain: more loads when its end scrolls into view (or on the
// "Load more" button, for keyboard users and for when the observer does not fire).
import { request } from './api.js';
import { h, toast } from './dom.js';

// options: { path, query, render(item) -> Node, empty: text, label, onLoaded(items, isFirstPage) }
export function pagedList(options) {
  const items = h('div', { class: 'list-items', role: 'feed', 'aria-label': options.label || 'List', 'aria-busy': 'true' });
  const more = h('button', { type: 'button', class: 'load-more', hidden: true, onclick: () => load() }, 'Load more');
  const status = h('p', { class: 'list-status muted', role: 'status' });
  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  const root = h('section', { class: 'paged-list' }, items, status, more, sentinel);
  let next = options.path;
  let firstPage = true;
  let loading = false;
  const seen = new Set();

  async function load() {
    if (loading || !next) return;
    loading = true;
    items.setAttribute('aria-busy', 'true');
    status.textContent = 'Loading…';
    try {
      const { data, links } = await request('GET', next, { query: firstPage ? options.query : undefined });
      options.onLoaded?.(data || [], firstPage);
      firstPage = false;
      for (const item of data || []) {
        if (item.id && seen.has(item.id)) continue;
        if (item.id) seen.add(item.id);
        const node = options.render(item);
        if (node) items.append(node);
      }
      next = links.next && (data || []).length > 0 ? links.next : null;
      status.textContent = items.childElementCount === 0 ? (options.empty || 'Nothing here yet.') : '';
    } catch (error) {
      status.textContent = `Could not load: ${error.message}`;
      toast(`Could not load: ${error.message}`, 'error');
    } finally {
      loading = false;
      items.setAttribute('aria-busy', 'false');
      more.hidden = !next;
    }
  }

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) load();
  }, { rootMargin: '600px' });
  observer.observe(sentinel);
  load();

  return {
    element: root,
    // Newest first: live items go on top.
    prepend(item) {
      if (item.id && seen.has(item.id)) return;
      if (item.id) seen.add(item.id);
      const node = options.render(item);
      if (node) items.prepend(node);
      status.textContent = '';
    },
    remove(id) {
      seen.delete(id);
    },
    dispose() { observer.disconnect(); },
  };
}
