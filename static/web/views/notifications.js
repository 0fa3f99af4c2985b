// Notifications, live from the user stream; what is on screen is marked read.
import { post } from '../api.js';
import { h } from '../dom.js';
import { pagedList } from '../list.js';
import { state } from '../state.js';
import { accountLink, accountRow, displayName } from '../status.js';
import { subscribe } from '../stream.js';
import { card, heading } from './common.js';

const NOTIFICATION_TEXT = {
  mention: 'mentioned you', status: 'posted', reblog: 'boosted your post', follow: 'followed you',
  follow_request: 'asked to follow you', favourite: 'favourited your post', poll: 'A poll has ended',
  update: 'edited a post', 'admin.sign_up': 'signed up', 'admin.report': 'filed a report',
};

function notificationItem(n) {
  const text = NOTIFICATION_TEXT[n.type] || n.type;
  const line = h('p', { class: `notification-line notification-${n.type}` },
    n.account ? accountLink(n.account, displayName(n.account)) : null, ' ', text);
  let extra = null;
  if (n.type === 'follow_request') {
    extra = h('div', { class: 'row' },
      h('button', { type: 'button', class: 'primary', onclick: async (e) => { await post(`/api/v1/follow_requests/${encodeURIComponent(n.account.id)}/authorize`); e.target.closest('.notification').remove(); } }, 'Accept'),
      h('button', { type: 'button', onclick: async (e) => { await post(`/api/v1/follow_requests/${encodeURIComponent(n.account.id)}/reject`); e.target.closest('.notification').remove(); } }, 'Reject'));
  }
  const body = n.status ? card(n.status) : n.account ? accountRow(n.account) : null;
  return h('div', { class: `notification type-${n.type}`, dataset: { id: n.id } }, line, extra, body);
}

export function notificationsView() {
  // What is on screen counts as read, here and in other apps (the notifications marker).
  const markRead = (id) => post('/api/v1/markers', { notifications: { last_read_id: id } }).catch(() => {});
  const list = pagedList({ path: '/api/v1/notifications', render: notificationItem, label: 'Notifications', empty: 'No notifications yet.',
    onLoaded: (items, first) => { if (first && items[0]) markRead(items[0].id); } });
  const stop = subscribe('user', (event, payload) => {
    if (event !== 'notification') return;
    list.prepend(payload);
    markRead(payload.id);
  });
  state.unreadNotifications = 0;
  window.dispatchEvent(new CustomEvent('vmst:notifications-read'));
  return { title: 'Notifications', element: h('div', { class: 'view' }, heading('Notifications'), list.element), dispose: () => { stop(); list.dispose(); } };
}

