// A profile: header, bio, fields, counts, relationship buttons, pinned posts first, then the posts paged.
import { get, post } from '../api.js';
import { append, emojify, fill, h, htmlToText, safeUrl, setSanitizedHtml, textWithEmoji, toast } from '../dom.js';
import { pagedList } from '../list.js';
import { state } from '../state.js';
import { avatar, displayName } from '../status.js';
import { card } from './common.js';

function relationshipButtons(account, relationship) {
  const box = h('div', { class: 'relationship-actions', role: 'group', 'aria-label': 'Relationship' });
  const act = (path) => async () => {
    try {
      const updated = await post(`/api/v1/accounts/${encodeURIComponent(account.id)}/${path}`);
      box.replaceWith(relationshipButtons(account, updated));
    } catch (error) { toast(`Could not ${path}: ${error.message}`, 'error'); }
  };
  const r = relationship;
  const followLabel = r.following ? 'Unfollow' : r.requested ? 'Cancel follow request' : r.followed_by ? 'Follow back' : 'Follow';
  append(box,
    r.blocking ? null : h('button', { type: 'button', class: r.following || r.requested ? 'secondary' : 'primary',
      onclick: act(r.following || r.requested ? 'unfollow' : 'follow') }, followLabel),
    h('button', { type: 'button', onclick: act(r.muting ? 'unmute' : 'mute') }, r.muting ? 'Unmute' : 'Mute'),
    h('button', { type: 'button', class: 'danger', onclick: act(r.blocking ? 'unblock' : 'block') }, r.blocking ? 'Unblock' : 'Block'),
    r.followed_by ? h('span', { class: 'badge' }, 'Follows you') : null);
  return box;
}

function fieldValue(value) {
  const text = htmlToText(value);
  const url = safeUrl(text.trim()) && /^https?:\/\//.test(text.trim()) ? text.trim() : null;
  return url ? h('a', { href: url, target: '_blank', rel: 'me noopener noreferrer nofollow' }, text) : h('span', {}, text);
}

function profileHeader(account, relationship) {
  const mine = state.me?.id === account.id;
  const note = setSanitizedHtml(h('div', { class: 'note' }), account.note);
  emojify(note, account.emojis);
  // The server's stand-in for "no header" is a grey image; the gradient looks better.
  const headerUrl = safeUrl(account.header_static || account.header);
  const header = headerUrl && !headerUrl.endsWith('/headers/original/missing.png') ? headerUrl : null;
  return h('section', { class: 'profile-header', 'aria-label': 'Profile' },
    h('div', { class: 'profile-banner' }, header ? h('img', { src: header, alt: '' }) : null),
    h('div', { class: 'profile-identity' },
      avatar(account, 'large'),
      h('div', { class: 'names' }, h('h1', { class: 'view-title', tabindex: '-1' }, displayName(account)),
        h('span', { class: 'acct' }, `@${account.acct}`), account.locked ? h('span', { class: 'badge' }, 'Approves followers') : null,
        account.bot ? h('span', { class: 'badge' }, 'Automated') : null),
      mine ? h('a', { href: '/web/settings', class: 'button-like' }, 'Edit profile') : relationship ? relationshipButtons(account, relationship) : null),
    note,
    account.fields?.length ? h('dl', { class: 'fields' }, account.fields.map((f) => h('div', { class: f.verified_at ? 'field verified' : 'field' },
      textWithEmoji('dt', {}, f.name, account.emojis), emojify(h('dd', {}, fieldValue(f.value)), account.emojis)))) : null,
    h('p', { class: 'counts' },
      h('span', {}, h('strong', {}, String(account.statuses_count)), ' posts'),
      h('span', {}, h('strong', {}, String(account.following_count)), ' following'),
      h('span', {}, h('strong', {}, String(account.followers_count)), ' followers')),
    safeUrl(account.url) ? h('p', {}, h('a', { href: account.url, target: '_blank', rel: 'noopener noreferrer' }, 'Open original profile')) : null);
}

export function profileView({ id, handle }) {
  const element = h('div', { class: 'view profile' }, h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  let list = null;
  (async () => {
    try {
      const account = handle ? await get('/api/v1/accounts/lookup', { acct: handle }) : await get(`/api/v1/accounts/${encodeURIComponent(id)}`);
      const relationships = state.me?.id === account.id ? [] : await get('/api/v1/accounts/relationships', { id: [account.id] });
      const pinned = await get(`/api/v1/accounts/${encodeURIComponent(account.id)}/statuses`, { pinned: true }).catch(() => []);
      list = pagedList({ path: `/api/v1/accounts/${encodeURIComponent(account.id)}/statuses`, render: card, label: 'Posts', empty: 'No posts yet.' });
      const pinnedCards = pinned.map((s) => {
        const c = card(s);
        c.prepend(h('p', { class: 'pinned muted' }, 'Pinned'));
        return c;
      });
      fill(element, profileHeader(account, relationships[0]), h('h2', { class: 'visually-hidden' }, 'Posts'),
        pinnedCards.length ? h('div', { class: 'pinned-posts' }, pinnedCards) : null, list.element);
      document.title = `${account.display_name || account.username} · ${state.instance?.title || 'vmst'}`;
    } catch (error) {
      fill(element, h('p', { class: 'error', role: 'alert' }, `Could not load this profile: ${error.message}`));
    }
  })();
  return { title: 'Profile', element, dispose: () => list?.dispose() };
}

