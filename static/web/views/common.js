// What every view uses: the heading that takes focus, and a post card whose Reply opens the composer dialog.
import { h } from '../dom.js';
import { openComposerDialog } from '../compose.js';
import { statusCard } from '../status.js';

export const reply = (status) => openComposerDialog({ replyTo: status });
export const card = (status) => statusCard(status, { onReply: reply });

export function heading(text) {
  return h('h1', { class: 'view-title', tabindex: '-1' }, text);
}
