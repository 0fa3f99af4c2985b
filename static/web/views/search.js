// Search accounts, hashtags and posts; handles and URLs are resolved on their servers.
import { get } from '../api.js';
import { fill, h } from '../dom.js';
import { navigate } from '../router.js';
import { accountRow } from '../status.js';
import { card, heading } from './common.js';

export function searchView() {
  const q = new URLSearchParams(location.search).get('q') || '';
  const results = h('div', { class: 'search-results', 'aria-live': 'polite' });
  const input = h('input', { type: 'search', id: 'search-page-q', name: 'q', value: q, placeholder: 'Search, or paste a handle or URL', required: true });
  const form = h('form', { class: 'search-form', role: 'search', onsubmit: (e) => { e.preventDefault(); navigate(`/web/search?q=${encodeURIComponent(input.value.trim())}`); } },
    h('label', { for: 'search-page-q', class: 'visually-hidden' }, 'Search'), input, h('button', { type: 'submit', class: 'primary' }, 'Search'));
  if (q) {
    results.append(h('p', { class: 'muted', role: 'status' }, 'Searching…'));
    (async () => {
      try {
        const found = await get('/api/v2/search', { q, resolve: true, limit: 20 });
        // A resolved URL of a post goes straight to it, as a pasted link is meant to.
        if (/^https?:\/\//.test(q) && found.statuses.length === 1 && found.accounts.length === 0) {
          navigate(`/web/statuses/${encodeURIComponent(found.statuses[0].id)}`, { replace: true });
          return;
        }
        const section = (title, nodes) => (nodes.length ? h('section', {}, h('h2', {}, title), nodes) : null);
        fill(results,
          section('Accounts', found.accounts.map((a) => accountRow(a))),
          section('Hashtags', found.hashtags.map((t) => h('p', {}, h('a', { href: `/web/tags/${encodeURIComponent(t.name)}` }, `#${t.name}`)))),
          section('Posts', found.statuses.map(card)));
        if (results.childElementCount === 0) results.append(h('p', { class: 'muted' }, 'Nothing found.'));
      } catch (error) {
        fill(results, h('p', { class: 'error', role: 'alert' }, `Search failed: ${error.message}`));
      }
    })();
  }
  return { title: 'Search', element: h('div', { class: 'view' }, heading('Search'), form, results) };
}

