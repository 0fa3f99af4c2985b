// Start-up: finish a sign-in coming back from /oauth/authorize, or show the sign-in screen, or load the signed-in
// user, the instance and its emoji and draw the app.
import { get, session, saveSession } from './api.js';
import { beginSignIn, completeSignIn, signOut } from './auth.js';
import { fill, h, toast } from './dom.js';
import { match, navigate, route, startRouter } from './router.js';
import { on, state } from './state.js';
import { wireStatusUpdates, avatar, displayName } from './status.js';
import { disconnect, subscribe } from './stream.js';
import { openComposerDialog } from './compose.js';
import { bookmarksView, federatedView, favouritesView, homeView, localView, tagView } from './views/timelines.js';
import { notificationsView } from './views/notifications.js';
import { threadView } from './views/thread.js';
import { profileView } from './views/profile.js';
import { searchView } from './views/search.js';
import { settingsView } from './views/settings.js';
import { notFoundView } from './views/not_found.js';

const app = document.getElementById('app');

function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('vmst.theme', theme);
  } else {
    delete document.documentElement.dataset.theme;
    localStorage.removeItem('vmst.theme');
  }
}
applyTheme(localStorage.getItem('vmst.theme'));

function signInScreen(message) {
  disconnect();
  document.title = state.instance?.title || 'Sign in';
  const button = h('button', { type: 'button', class: 'primary large', onclick: async () => {
    button.disabled = true;
    try { await beginSignIn(); } catch (error) { button.disabled = false; toast(`Could not start signing in: ${error.message}`, 'error'); }
  } }, 'Sign in');
  fill(app, h('main', { id: 'main', class: 'sign-in' },
    h('h1', {}, state.instance?.title || 'vmst'),
    state.instance?.description ? h('p', { class: 'muted' }, state.instance.description) : null,
    message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    button,
    h('p', {}, h('a', { href: '/' }, 'Back to the public site'))),
  h('div', { id: 'toasts', class: 'toasts', 'aria-live': 'polite' }));
  app.setAttribute('aria-busy', 'false');
}

const NAV = [
  ['/web/home', 'Home', 'home'], ['/web/notifications', 'Notifications', 'notifications'], ['/web/local', 'Local', 'local'],
  ['/web/federated', 'Federated', 'federated'], ['/web/search', 'Search', 'search'], ['/web/bookmarks', 'Bookmarks', 'bookmarks'],
  ['/web/favourites', 'Favourites', 'favourites'], ['/web/settings', 'Settings', 'settings'],
];

function shell() {
  const badge = h('span', { class: 'badge unread', hidden: true, 'aria-label': 'unread' });
  const navLinks = NAV.map(([href, label, key]) => h('li', {}, h('a', { href, class: `nav-${key}`, dataset: { key } },
    h('span', { class: 'nav-icon', 'aria-hidden': 'true' }), h('span', { class: 'nav-label' }, label), key === 'notifications' ? badge : null)));
  const meLink = h('a', { href: `/web/accounts/${encodeURIComponent(state.me.id)}`, class: 'me' });
  const drawMe = () => fill(meLink, avatar(state.me, 'small'), h('span', { class: 'me-names' }, displayName(state.me), h('span', { class: 'acct' }, `@${state.me.acct}`)));
  drawMe();
  window.addEventListener('vmst:me-changed', drawMe);
  const searchInput = h('input', { type: 'search', id: 'top-search', name: 'q', placeholder: 'Search or paste a handle', autocomplete: 'off' });
  const main = h('main', { id: 'main', tabindex: '-1' });
  const themeButton = h('button', { type: 'button', class: 'theme-toggle', title: 'Switch theme', 'aria-label': 'Switch between light and dark theme', onclick: () => {
    const dark = document.documentElement.dataset.theme ? document.documentElement.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    applyTheme(dark ? 'light' : 'dark');
  } }, h('span', { 'aria-hidden': 'true' }, '◐'));
  const signOutButton = h('button', { type: 'button', class: 'sign-out', onclick: async () => {
    await signOut();
    // A fresh page: nothing of the signed-in session (views, streams, timers) outlives it.
    location.assign('/web');
  } }, 'Sign out');
  const composeButton = h('button', { type: 'button', class: 'primary compose-button', onclick: () => openComposerDialog({}) }, 'New post');
  fill(app,
    h('header', { class: 'topbar' },
      h('a', { href: '/web/home', class: 'brand' }, state.instance?.title || 'vmst'),
      h('form', { class: 'top-search', role: 'search', onsubmit: (e) => {
        e.preventDefault();
        const q = searchInput.value.trim();
        if (!q) return;
        searchInput.value = '';
        searchInput.blur();
        navigate(`/web/search?q=${encodeURIComponent(q)}`);
      } }, h('label', { for: 'top-search', class: 'visually-hidden' }, 'Search'), searchInput),
      themeButton),
    h('div', { class: 'layout' },
      h('nav', { class: 'sidebar', 'aria-label': 'Main' }, meLink, h('ul', { class: 'nav-list' }, navLinks), composeButton, signOutButton),
      main),
    h('div', { id: 'toasts', class: 'toasts', 'aria-live': 'polite' }));
  app.setAttribute('aria-busy', 'false');

  const setBadge = () => {
    badge.hidden = state.unreadNotifications === 0;
    badge.textContent = String(state.unreadNotifications);
  };
  subscribe('user', (event) => {
    if (event === 'notification' && location.pathname !== '/web/notifications') { state.unreadNotifications += 1; setBadge(); }
  });
  window.addEventListener('vmst:notifications-read', setBadge);
  get('/api/v1/notifications/unread_count').then((r) => { state.unreadNotifications = r.count || 0; setBadge(); }).catch(() => {});
  return { main, navLinks };
}

route('/web', homeView);
route('/web/home', homeView);
route('/web/local', localView);
route('/web/federated', federatedView);
route('/web/notifications', notificationsView);
route('/web/bookmarks', bookmarksView);
route('/web/favourites', favouritesView);
route('/web/search', searchView);
route('/web/settings', () => settingsView({ applyTheme }));
route('/web/statuses/:id', threadView);
route('/web/accounts/:id', profileView);
route('/web/@:handle', profileView);
route('/web/tags/:name', tagView);

async function start() {
  try { state.instance = await get('/api/v2/instance'); } catch { state.instance = null; }
  if (location.pathname === '/web/callback') {
    const error = await completeSignIn();
    if (error) { history.replaceState(null, '', '/web'); signInScreen(error); return; }
    history.replaceState(null, '', '/web/home');
  }
  if (!session()?.token) {
    const ended = new URLSearchParams(location.search).has('ended');
    signInScreen(ended ? 'Your session has ended. Please sign in again.' : undefined);
    return;
  }
  try {
    const [me, emojis] = await Promise.all([get('/api/v1/accounts/verify_credentials'), get('/api/v1/custom_emojis').catch(() => [])]);
    state.me = me;
    state.emojis = emojis || [];
  } catch (error) {
    if (error.status === 401) { saveSession(null); signInScreen('Your session has ended. Please sign in again.'); return; }
    signInScreen(`Could not reach the server: ${error.message}`);
    return;
  }
  window.addEventListener('vmst:unauthorized', () => {
    saveSession(null);
    location.assign('/web?ended=1');
  });
  wireStatusUpdates(on);
  on('edit-status', (status) => openComposerDialog({ editing: status }));
  const { main, navLinks } = shell();
  let current = null;
  let firstRender = true;
  startRouter(() => {
    current?.dispose?.();
    const found = match(location.pathname);
    current = found ? found.view(found.params) : notFoundView();
    fill(main, current.element);
    document.title = `${current.title} · ${state.instance?.title || 'vmst'}`;
    for (const li of navLinks) {
      const link = li.firstChild;
      const here = location.pathname === link.getAttribute('href') || (link.dataset.key === 'home' && location.pathname === '/web');
      if (here) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    }
    // Move focus to the new view's heading so screen readers announce it (not on the first load).
    if (!firstRender) main.querySelector('.view-title')?.focus({ preventScroll: true });
    firstRender = false;
    window.scrollTo(0, 0);
  });
}

// Keyboard: j/k move between posts, n writes a new post, / searches; never while typing.
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || !state.me) return;
  if (event.target.closest('input, textarea, select, [contenteditable], dialog')) return;
  if (event.key === 'j' || event.key === 'k') {
    const cards = [...document.querySelectorAll('main article.status')];
    if (cards.length === 0) return;
    const current = cards.indexOf(document.activeElement.closest?.('article.status'));
    const next = event.key === 'j' ? Math.min(current + 1, cards.length - 1) : Math.max(current - 1, 0);
    cards[next].focus();
    cards[next].scrollIntoView({ block: 'nearest' });
    event.preventDefault();
  } else if (event.key === 'n') {
    const textarea = document.querySelector('main form.composer textarea');
    if (textarea) textarea.focus(); else openComposerDialog({});
    event.preventDefault();
  } else if (event.key === '/') {
    document.getElementById('top-search')?.focus();
    event.preventDefault();
  }
});

start();
