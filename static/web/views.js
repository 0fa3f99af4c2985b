// The screens of the app. Each view returns { title, element, dispose }.
import { get, post, request } from './api.js';
import { append, emojify, fill, h, htmlToText, safeUrl, setSanitizedHtml, textWithEmoji, toast } from './dom.js';
import { composer, openComposerDialog } from './compose.js';
import { pagedList } from './list.js';
import { navigate } from './router.js';
import { accountLink, accountRow, avatar, displayName, statusCard } from './status.js';
import { on, state } from './state.js';
import { subscribe } from './stream.js';

const reply = (status) => openComposerDialog({ replyTo: status });
const card = (status) => statusCard(status, { onReply: reply });

function heading(text) {
  return h('h1', { class: 'view-title', tabindex: '-1' }, text);
}

// --- timelines --------------------------------------------------------------------------------------------
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

// --- notifications ----------------------------------------------------------------------------------------
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

// --- thread -----------------------------------------------------------------------------------------------
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

// --- profiles ---------------------------------------------------------------------------------------------
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

// --- search -----------------------------------------------------------------------------------------------
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

// --- settings ---------------------------------------------------------------------------------------------
function field(id, label, control, hint) {
  control.id = id;
  return h('div', { class: 'form-field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'hint muted' }, hint) : null);
}

function checkbox(id, label, checked, hint) {
  return h('div', { class: 'form-check' }, h('input', { type: 'checkbox', id, name: id, checked: Boolean(checked) }),
    h('label', { for: id }, label), hint ? h('p', { class: 'hint muted' }, hint) : null);
}

export function settingsView({ applyTheme }) {
  const me = state.me;
  const source = me.source || {};
  const fields = [...(source.fields || [])];
  while (fields.length < 4) fields.push({ name: '', value: '' });
  const form = h('form', { class: 'settings-form', 'aria-label': 'Profile settings' });
  const avatarPreview = avatar(me, 'large');
  append(form,
    h('h2', {}, 'Profile'),
    field('display_name', 'Display name', h('input', { type: 'text', name: 'display_name', value: me.display_name || '', maxlength: 30 })),
    field('note', 'Bio', h('textarea', { name: 'note', rows: 4, value: source.note || '', maxlength: 500 })),
    h('div', { class: 'row' }, avatarPreview,
      field('avatar', 'Avatar', h('input', { type: 'file', name: 'avatar', accept: 'image/png,image/jpeg,image/gif,image/webp' }), 'PNG, GIF, JPEG or WebP')),
    field('header', 'Header image', h('input', { type: 'file', name: 'header', accept: 'image/png,image/jpeg,image/gif,image/webp' })),
    h('fieldset', { class: 'fields-editor' }, h('legend', {}, 'Profile fields'),
      fields.slice(0, 4).map((f, i) => h('div', { class: 'field-pair' },
        field(`field-name-${i}`, `Label ${i + 1}`, h('input', { type: 'text', name: `fields_attributes[${i}][name]`, value: f.name, maxlength: 255 })),
        field(`field-value-${i}`, `Content ${i + 1}`, h('input', { type: 'text', name: `fields_attributes[${i}][value]`, value: f.value, maxlength: 255 }))))),
    h('h2', {}, 'Privacy'),
    checkbox('locked', 'Approve followers by hand', me.locked),
    checkbox('discoverable', 'Feature this profile in the directory and suggestions', me.discoverable),
    checkbox('indexable', 'Let search engines and full-text search find my public posts', me.indexable),
    field('privacy', 'Default visibility of new posts', h('select', { name: 'source[privacy]' },
      [['public', 'Public'], ['unlisted', 'Unlisted'], ['private', 'Followers only']].map(([v, l]) => h('option', { value: v, selected: source.privacy === v }, l)))),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Save profile')));
  form.querySelector('select[name="source[privacy]"]').value = source.privacy || 'public';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = new FormData();
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === 'file') { if (el.files[0]) body.append(el.name, el.files[0]); }
      else if (el.type === 'checkbox') body.append(el.name, el.checked ? 'true' : 'false');
      else body.append(el.name, el.value);
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const { data } = await request('PATCH', '/api/v1/accounts/update_credentials', { form: body });
      state.me = data;
      avatarPreview.replaceWith(avatar(data, 'large'));
      window.dispatchEvent(new CustomEvent('vmst:me-changed'));
      toast('Profile saved');
    } catch (error) {
      toast(`Could not save: ${error.message}`, 'error');
    } finally {
      button.disabled = false;
    }
  });

  const theme = h('select', { name: 'theme' }, [['auto', 'Follow the system'], ['light', 'Light'], ['dark', 'Dark']].map(([v, l]) => h('option', { value: v }, l)));
  theme.value = localStorage.getItem('vmst.theme') || 'auto';
  theme.addEventListener('change', () => applyTheme(theme.value));
  const appearance = h('section', { class: 'settings-form' }, h('h2', {}, 'Appearance'), field('theme', 'Theme', theme));
  return { title: 'Settings', element: h('div', { class: 'view' }, heading('Settings'), form, appearance) };
}

export function notFoundView() {
  return { title: 'Not found', element: h('div', { class: 'view' }, heading('Not found'), h('p', {}, 'There is nothing at this address.'), h('p', {}, h('a', { href: '/web/home' }, 'Go home'))) };
}

