// Home, local, federated, tag, bookmarks and favourites: pages of posts, the live ones from streaming on top.
import { h } from '../dom.js';
import { composer } from '../compose.js';
import { pagedList } from '../list.js';
import { on } from '../state.js';
import { subscribe } from '../stream.js';
import { card, heading } from './common.js';

function timelineView({ title, path, query, stream, tag, withComposer }) {
  const list = pagedList({ path, query, render: card, label: title, empty: 'No posts yet.' });
  const disposers = [list.dispose];
  if (stream) {
    disposers.push(subscribe(stream, (event, payload) => {
      if (event === 'update') list.prepend(payload);
      else if (event === 'status.update') document.querySelectorAll(`article.status[data-status-id="${CSS.escape(payload.id)}"]`).forEach((c) => c.vmstRedraw?.(payload));
      else if (event === 'delete') document.querySelectorAll(`article.status[data-id="${CSS.escape(String(payload))}"], article.status[data-status-id="${CSS.escape(String(payload))}"]`).forEach((c) => c.remove());
    }, tag));
  }
  // Our own new posts show at once on home, without waiting for the stream (other timelines hear of them from it,
  // if they belong there at all).
  if (stream === 'user') disposers.push(on('posted', (status) => list.prepend(status)));
  return {
    title,
    element: h('div', { class: 'view timeline' }, heading(title), withComposer ? composer({ compact: false }) : null, list.element),
    dispose: () => disposers.forEach((d) => d()),
  };
}

export const homeView = () => timelineView({ title: 'Home', path: '/api/v1/timelines/home', stream: 'user', withComposer: true });
export const localView = () => timelineView({ title: 'Local', path: '/api/v1/timelines/public', query: { local: true }, stream: 'public:local', withComposer: true });
export const federatedView = () => timelineView({ title: 'Federated', path: '/api/v1/timelines/public', stream: 'public', withComposer: true });
export const bookmarksView = () => timelineView({ title: 'Bookmarks', path: '/api/v1/bookmarks' });
export const favouritesView = () => timelineView({ title: 'Favourites', path: '/api/v1/favourites' });
export const tagView = ({ name }) => timelineView({ title: `#${name}`, path: `/api/v1/timelines/tag/${encodeURIComponent(name)}`, stream: 'hashtag', tag: name });

