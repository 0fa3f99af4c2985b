// A post with its ancestors and replies, and a composer to reply.
import { get } from '../api.js';
import { fill, h } from '../dom.js';
import { composer } from '../compose.js';
import { statusCard } from '../status.js';
import { heading, reply } from './common.js';

export function threadView({ id }) {
  const container = h('div', { class: 'thread', 'aria-busy': 'true' });
  const element = h('div', { class: 'view' }, heading('Thread'), container);
  (async () => {
    try {
      const [status, context] = await Promise.all([
        get(`/api/v1/statuses/${encodeURIComponent(id)}`), get(`/api/v1/statuses/${encodeURIComponent(id)}/context`)]);
      const inThread = (s) => statusCard(s, { onReply: reply, inThread: true });
      const descendants = h('div', { class: 'descendants' }, context.descendants.map(inThread));
      const focused = statusCard(status, { onReply: reply, focused: true });
      fill(container,
        h('div', { class: 'ancestors' }, context.ancestors.map(inThread)),
        focused,
        composer({ replyTo: status.reblog || status, compact: true, onDone: (s) => descendants.append(inThread(s)) }),
        descendants);
      focused.scrollIntoView({ block: 'center' });
    } catch (error) {
      fill(container, h('p', { class: 'error', role: 'alert' }, `Could not load this post: ${error.message}`));
    } finally {
      container.setAttribute('aria-busy', 'false');
    }
  })();
  return { title: 'Thread', element };
}

