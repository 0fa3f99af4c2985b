// One post as a card: author, content (the server's sanitised HTML), content warning, media, poll, and the
// actions. Cards listen for changes to their post (from this tab or from streaming) and redraw themselves.
import { del, post } from './api.js';
import { emojify, fill, h, htmlToText, safeUrl, setSanitizedHtml, textWithEmoji, timeAgo, toast } from './dom.js';
import { emit, state } from './state.js';
import { navigate } from './router.js';

const VISIBILITY_LABELS = { public: 'Public', unlisted: 'Unlisted', private: 'Followers only', direct: 'Mentioned people only' };

export function avatar(account, size = 'normal') {
  const src = safeUrl(account?.avatar_static || account?.avatar) || '/avatars/original/missing.png';
  return h('img', { class: `avatar avatar-${size}`, src, alt: '', loading: 'lazy', width: 48, height: 48 });
}

export function displayName(account) {
  return textWithEmoji('bdi', { class: 'display-name' }, account.display_name || account.username, account.emojis);
}

export function accountLink(account, ...children) {
  return h('a', { href: `/web/accounts/${encodeURIComponent(account.id)}`, class: 'account-link' }, ...children);
}

// The picture beside a name that links to the same profile: one stop for the keyboard and screen readers, not two.
function avatarLink(account, size) {
  return h('a', { href: `/web/accounts/${encodeURIComponent(account.id)}`, class: 'account-link avatar-link', tabindex: '-1',
    'aria-hidden': 'true' }, avatar(account, size));
}

function mediaItem(attachment, sensitive) {
  const alt = attachment.description || '';
  const url = safeUrl(attachment.url) || safeUrl(attachment.remote_url);
  const preview = safeUrl(attachment.preview_url) || url;
  let body;
  if (attachment.type === 'image' && preview) {
    // The link is named by the picture's alt text; a picture without one still needs a name to be reached.
    body = h('a', { href: url || preview, target: '_blank', rel: 'noopener noreferrer',
      'aria-label': alt ? undefined : 'Picture without a description (opens full size)' },
      h('img', { src: preview, alt, loading: 'lazy', title: alt || undefined }));
  } else if ((attachment.type === 'video' || attachment.type === 'gifv') && url) {
    const video = h('video', { src: url, controls: attachment.type === 'video', 'aria-label': alt || 'Video',
      preload: 'metadata', playsinline: true });
    if (attachment.type === 'gifv') { video.loop = true; video.muted = true; video.autoplay = !sensitive; }
    body = video;
  } else if (attachment.type === 'audio' && url) {
    body = h('audio', { src: url, controls: true, 'aria-label': alt || 'Audio', preload: 'none' });
  } else {
    body = h('a', { href: url || '#', class: 'media-unknown', target: '_blank', rel: 'noopener noreferrer' },
      alt || 'Attachment');
  }
  return h('div', { class: `media-item media-${attachment.type}` }, body,
    alt ? h('span', { class: 'alt-badge', title: alt }, 'ALT') : null);
}

function mediaGrid(status) {
  const items = status.media_attachments || [];
  if (items.length === 0) return null;
  const grid = h('div', { class: `media-grid media-count-${Math.min(items.length, 4)}` },
    items.map((m) => mediaItem(m, status.sensitive)));
  if (!status.sensitive) return grid;
  const wrapper = h('div', { class: 'media-sensitive hidden-media' }, grid);
  const toggle = h('button', { type: 'button', class: 'reveal-media', 'aria-expanded': 'false', onclick: () => {
    const hidden = wrapper.classList.toggle('hidden-media');
    toggle.setAttribute('aria-expanded', String(!hidden));
    toggle.textContent = hidden ? 'Show sensitive media' : 'Hide media';
  } }, 'Show sensitive media');
  return h('div', { class: 'media-block' }, toggle, wrapper);
}

function pollResults(poll, emojis) {
  // As Mastodon shows them: a multiple-choice poll counts each voter once, so its shares add up to more than 100%.
  const total = (poll.multiple ? poll.voters_count ?? poll.votes_count : poll.votes_count) || 0;
  const own = new Set(poll.own_votes || []);
  return h('ul', { class: 'poll-results' }, poll.options.map((option, index) => {
    // A poll that hides its totals until it closes answers null counts.
    const hidden = option.votes_count === null || option.votes_count === undefined;
    const share = total && !hidden ? Math.round((option.votes_count / total) * 100) : 0;
    const mark = own.has(index) ? h('span', { class: 'own-mark', title: 'Your choice' }, '✓ ') : null;
    return h('li', { class: own.has(index) ? 'own-vote' : undefined },
      textWithEmoji('span', { class: 'poll-option' }, option.title, emojis),
      h('span', { class: 'poll-share' }, mark, hidden ? '' : `${share}%`),
      hidden ? null : h('meter', { min: 0, max: 100, value: share, 'aria-label': `${option.title}: ${share}%` }));
  }));
}

function pollChoices(status, poll, emojis) {
  const name = `poll-${poll.id}-${Math.random().toString(36).slice(2)}`;
  const vote = h('button', { type: 'submit', class: 'primary', disabled: true }, 'Vote');
  const inputs = poll.options.map((option, index) => h('input', { type: poll.multiple ? 'checkbox' : 'radio', name, value: String(index),
    onchange: () => { vote.disabled = !inputs.some((input) => input.checked); } }));
  const form = h('form', { class: 'poll-choices' },
    h('fieldset', {},
      h('legend', { class: 'visually-hidden' }, poll.multiple ? 'Choose one or more' : 'Choose one'),
      poll.options.map((option, index) => h('label', { class: 'poll-choice' }, inputs[index],
        textWithEmoji('span', { class: 'poll-option' }, option.title, emojis)))),
    vote);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const choices = inputs.filter((input) => input.checked).map((input) => Number(input.value));
    if (choices.length === 0) return;
    vote.disabled = true;
    try {
      const updated = await post(`/api/v1/polls/${encodeURIComponent(poll.id)}/votes`, { choices });
      emit('status', { ...status, poll: updated });
    } catch (error) {
      vote.disabled = false;
      toast(`Could not vote: ${error.message}`, 'error');
    }
  });
  return form;
}

function pollSummary(poll) {
  const voters = poll.multiple ? poll.voters_count : poll.votes_count;
  const people = `${voters || 0} ${poll.multiple ? (voters === 1 ? 'person' : 'people') : (voters === 1 ? 'vote' : 'votes')}`;
  let ends = '';
  if (poll.expired) ends = 'Closed';
  else if (poll.expires_at) {
    ends = h('time', { datetime: poll.expires_at, title: new Date(poll.expires_at).toLocaleString() },
      `Ends ${timeAgo(poll.expires_at)}`);
  }
  return h('p', { class: 'muted poll-summary' }, people, ends ? ' · ' : null, ends || null);
}

// Results once the viewer voted, for the author, and when the poll closed; otherwise the choices and a Vote button.
function pollBlock(status) {
  const poll = status.poll;
  if (!poll) return null;
  const mine = state.me && status.account.id === state.me.id;
  const results = poll.expired || poll.voted || mine || !state.me;
  return h('div', { class: `poll${poll.multiple ? ' multiple' : ''}`, role: 'group', 'aria-label': 'Poll' },
    results ? pollResults(poll, status.emojis) : pollChoices(status, poll, status.emojis),
    pollSummary(poll));
}

// Clicks on mentions and hashtags in content stay in the app; other links open in a new tab.
function routeContentLinks(content, status) {
  content.addEventListener('click', (event) => {
    const link = event.target.closest('a[href]');
    if (!link) return;
    const href = link.getAttribute('href');
    const mention = (status.mentions || []).find((m) => m.url === href);
    if (mention) { event.preventDefault(); navigate(`/web/accounts/${encodeURIComponent(mention.id)}`); return; }
    const tag = (status.tags || []).find((t) => t.url === href || href.toLowerCase().endsWith(`/tags/${t.name.toLowerCase()}`));
    if (tag) { event.preventDefault(); navigate(`/web/tags/${encodeURIComponent(tag.name)}`); }
  });
}

function contentBlock(status) {
  const content = setSanitizedHtml(h('div', { class: 'content', lang: status.language || undefined }), status.content);
  emojify(content, status.emojis);
  routeContentLinks(content, status);
  const body = [content, pollBlock(status), mediaGrid(status)];
  if (!status.spoiler_text) return h('div', { class: 'status-body' }, body);
  const summary = textWithEmoji('summary', { class: 'spoiler' }, status.spoiler_text, status.emojis);
  return h('details', { class: 'status-body cw' }, summary, h('div', {}, body));
}

function actionButton(label, count, pressed, onClick, className) {
  const button = h('button', { type: 'button', class: `action ${className}`, 'aria-label': label,
    'aria-pressed': pressed === null ? undefined : String(Boolean(pressed)), title: label, onclick: onClick },
  h('span', { class: 'action-icon', 'aria-hidden': 'true' }), count ? h('span', { class: 'count' }, String(count)) : null);
  return button;
}

async function toggle(status, flag, on, off) {
  const id = status.id;
  try {
    const updated = await post(`/api/v1/statuses/${encodeURIComponent(id)}/${status[flag] ? off : on}`);
    // A reblog answers with the wrapper; the card shows the original.
    emit('status', updated.reblog && flag === 'reblogged' ? { ...updated.reblog, reblogged: true } : updated);
  } catch (error) {
    toast(`Could not update the post: ${error.message}`, 'error');
  }
}

// A menu button: opens below/above itself, closes on Escape, on a choice, or on a click elsewhere.
function menu(items) {
  const list = h('div', { class: 'menu-items', role: 'menu', hidden: true });
  for (const item of items) {
    item.setAttribute('role', 'menuitem');
    list.append(item);
  }
  const button = h('button', { type: 'button', class: 'menu-button', 'aria-label': 'More actions', title: 'More actions',
    'aria-haspopup': 'menu', 'aria-expanded': 'false' }, '…');
  const close = () => {
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('click', outside, true);
  };
  const outside = (event) => { if (!wrapper.contains(event.target)) close(); };
  button.addEventListener('click', () => {
    if (!list.hidden) { close(); return; }
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('click', outside, true);
    list.querySelector('[role=menuitem]')?.focus();
  });
  list.addEventListener('click', () => close());
  const wrapper = h('div', { class: 'menu' }, button, list);
  wrapper.addEventListener('keydown', (event) => {
    const entries = [...list.querySelectorAll('[role=menuitem]')];
    const at = entries.indexOf(document.activeElement);
    if (event.key === 'Escape' && !list.hidden) { close(); button.focus(); event.preventDefault(); }
    else if (event.key === 'ArrowDown' && at >= 0) { entries[(at + 1) % entries.length].focus(); event.preventDefault(); }
    else if (event.key === 'ArrowUp' && at >= 0) { entries[(at - 1 + entries.length) % entries.length].focus(); event.preventDefault(); }
  });
  return wrapper;
}

function actions(status, { onReply }) {
  const mine = state.me && status.account.id === state.me.id;
  const canBoost = status.visibility === 'public' || status.visibility === 'unlisted' || (mine && status.visibility === 'private');
  const bar = h('div', { class: 'actions', role: 'group', 'aria-label': 'Actions' },
    actionButton('Reply', status.replies_count, null, () => onReply(status), 'reply'),
    canBoost ? actionButton(status.reblogged ? 'Undo boost' : 'Boost', status.reblogs_count, status.reblogged,
      () => toggle(status, 'reblogged', 'reblog', 'unreblog'), 'boost') : h('span', { class: 'action boost disabled', title: 'Cannot be boosted' }),
    actionButton(status.favourited ? 'Unfavourite' : 'Favourite', status.favourites_count, status.favourited,
      () => toggle(status, 'favourited', 'favourite', 'unfavourite'), 'favourite'),
    actionButton(status.bookmarked ? 'Remove bookmark' : 'Bookmark', 0, status.bookmarked,
      () => toggle(status, 'bookmarked', 'bookmark', 'unbookmark'), 'bookmark'));
  const menuItems = [];
  if (mine) {
    menuItems.push(h('button', { type: 'button', onclick: () => emit('edit-status', status) }, 'Edit'));
    menuItems.push(h('button', { type: 'button', class: 'danger', onclick: async () => {
      if (!window.confirm('Delete this post?')) return;
      try {
        await del(`/api/v1/statuses/${encodeURIComponent(status.id)}`);
        emit('status-deleted', status.id);
      } catch (error) { toast(`Could not delete: ${error.message}`, 'error'); }
    } }, 'Delete'));
  }
  const original = safeUrl(status.url || status.uri);
  if (original) menuItems.push(h('a', { href: original, target: '_blank', rel: 'noopener noreferrer' }, 'Open original page'));
  if (menuItems.length) bar.append(menu(menuItems));
  return bar;
}

function header(status) {
  const account = status.account;
  const permalink = `/web/statuses/${encodeURIComponent(status.id)}`;
  return h('header', { class: 'status-header' },
    avatarLink(account),
    h('div', { class: 'names' },
      accountLink(account, displayName(account)),
      h('span', { class: 'acct' }, `@${account.acct}`)),
    h('div', { class: 'meta' },
      h('span', { class: `visibility visibility-${status.visibility}`, title: VISIBILITY_LABELS[status.visibility] || '' },
        VISIBILITY_LABELS[status.visibility] || ''),
      h('a', { href: permalink, class: 'timestamp' },
        h('time', { datetime: status.created_at, title: new Date(status.created_at).toLocaleString() }, timeAgo(status.created_at)),
        status.edited_at ? h('span', { class: 'edited', title: `Edited ${new Date(status.edited_at).toLocaleString()}` }, ' · edited') : null)));
}

// entry: a Status as it came in a list (maybe a reblog wrapper). options.onReply(status) opens the composer.
export function statusCard(entry, options = {}) {
  const status = entry.reblog || entry;
  const article = h('article', { class: `status${options.focused ? ' focused' : ''}`, tabindex: '0',
    dataset: { id: entry.id, statusId: status.id }, 'aria-label': `Post by ${status.account.display_name || status.account.username}` });
  const draw = (current) => {
    fill(article,
      entry.reblog ? h('p', { class: 'boosted-by' }, accountLink(entry.account, displayName(entry.account)), ' boosted') : null,
      current.in_reply_to_id && !options.focused && !options.inThread
        ? h('p', { class: 'reply-to muted' }, h('a', { href: `/web/statuses/${encodeURIComponent(current.id)}` }, 'Part of a thread'))
        : null,
      header(current),
      contentBlock(current),
      actions(current, options));
  };
  draw(status);
  article.vmstRedraw = (updated) => {
    if (updated.id !== status.id) return;
    Object.assign(status, updated);
    draw(status);
  };
  // Enter on a focused card opens its thread (keyboard users get to threads without hunting for the timestamp).
  article.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target === article) navigate(`/web/statuses/${encodeURIComponent(status.id)}`);
  });
  return article;
}

// Redraws every card of a changed post, removes deleted ones; call once at start-up.
export function wireStatusUpdates(onFn) {
  onFn('status', (updated) => {
    for (const card of document.querySelectorAll(`article.status[data-status-id="${CSS.escape(updated.id)}"]`)) card.vmstRedraw?.(updated);
  });
  onFn('status-deleted', (id) => {
    for (const card of document.querySelectorAll(`article.status[data-status-id="${CSS.escape(id)}"], article.status[data-id="${CSS.escape(id)}"]`)) card.remove();
  });
}

export function accountRow(account, extra) {
  return h('div', { class: 'account-row' },
    avatarLink(account, 'small'),
    h('div', { class: 'names' }, accountLink(account, displayName(account)), h('span', { class: 'acct' }, `@${account.acct}`),
      account.note ? h('p', { class: 'muted note-preview' }, htmlToText(account.note).slice(0, 140)) : null),
    extra || null);
}
