// The composer: text with a character counter from the instance's limits, content warning, visibility, media with
// alt text or a poll, a custom emoji picker, and @mention / #hashtag autocomplete. Also edits an existing post.
import { get, request } from './api.js';
import { append, fill, h, toast } from './dom.js';
import { emit, limits, state } from './state.js';

let composerCount = 0;

const VISIBILITIES = [
  ['public', 'Public'], ['unlisted', 'Unlisted'], ['private', 'Followers only'], ['direct', 'Mentioned people only'],
];

// Mastodon counts every URL as a fixed number of characters and a mention by its local part.
function countCharacters(text) {
  const { urlCharacters } = limits();
  const replaced = text
    .replace(/https?:\/\/\S+/g, 'x'.repeat(urlCharacters))
    .replace(/(^|\s)@([A-Za-z0-9_]+)@[A-Za-z0-9.-]+(:\d+)?/g, '$1@$2');
  return [...replaced].length;
}

function mentionsToAddress(status) {
  const handles = new Set([`@${status.account.acct}`, ...(status.mentions || []).map((m) => `@${m.acct}`)]);
  handles.delete(`@${state.me?.acct}`);
  return handles.size ? `${[...handles].join(' ')} ` : '';
}

const POLL_LENGTHS = [
  [300, '5 minutes'], [1800, '30 minutes'], [3600, '1 hour'], [21600, '6 hours'], [86400, '1 day'], [259200, '3 days'],
  [604800, '7 days'],
];

// The poll part of the composer: its options, single or multiple choice, and how long it runs.
function pollEditor(id, onChange) {
  const { pollOptions, pollOptionCharacters, pollMinExpiration, pollMaxExpiration } = limits();
  const list = h('ol', { class: 'poll-options' });
  const add = h('button', { type: 'button', class: 'tool', onclick: () => { addOption(); list.lastChild.querySelector('input').focus(); } },
    'Add option');
  const multiple = h('input', { id: `${id}-poll-multiple`, type: 'checkbox' });
  const lengths = POLL_LENGTHS.filter(([seconds]) => seconds >= pollMinExpiration && seconds <= pollMaxExpiration);
  const length = h('select', { id: `${id}-poll-length` }, lengths.map(([seconds, label]) => h('option', { value: String(seconds) }, label)));
  length.value = lengths.some(([seconds]) => seconds === 86400) ? '86400' : String(lengths[0]?.[0] || pollMinExpiration);
  function addOption(notify = true) {
    const index = list.children.length;
    const input = h('input', { id: `${id}-poll-${index}`, type: 'text', maxlength: pollOptionCharacters, oninput: onChange });
    list.append(h('li', {}, h('label', { for: input.id, class: 'visually-hidden' }, `Option ${index + 1}`), input,
      index >= 2 ? h('button', { type: 'button', class: 'remove', 'aria-label': `Remove option ${index + 1}`, onclick: (event) => {
        event.currentTarget.closest('li').remove();
        [...list.children].forEach((li, i) => {
          li.querySelector('label').textContent = `Option ${i + 1}`;
          li.querySelector('input').placeholder = `Option ${i + 1}`;
          li.querySelector('.remove')?.setAttribute('aria-label', `Remove option ${i + 1}`);
        });
        add.disabled = false;
        onChange();
      } }, '×') : null));
    input.placeholder = `Option ${index + 1}`;
    add.disabled = list.children.length >= pollOptions;
    if (notify) onChange();
  }
  addOption(false);
  addOption(false);
  const element = h('fieldset', { class: 'poll-editor', hidden: true },
    h('legend', {}, 'Poll'), list, add,
    h('div', { class: 'poll-settings' },
      h('label', { for: multiple.id, class: 'check' }, multiple, ' Allow several choices'),
      h('label', { for: length.id }, 'Poll length'), length));
  return {
    element,
    options: () => [...list.querySelectorAll('input')].map((input) => input.value.trim()),
    value: () => ({ options: [...list.querySelectorAll('input')].map((input) => input.value.trim()).filter(Boolean),
      multiple: multiple.checked, expires_in: Number(length.value) }),
    reset: () => {
      fill(list);
      addOption(false);
      addOption(false);
      multiple.checked = false;
    },
  };
}

// options: { replyTo, editing, onDone(status), autofocus, compact }
export function composer(options = {}) {
  const id = `composer-${++composerCount}`;
  const { replyTo, editing } = options;
  const attachments = [];  // { id, description, preview_url, existing }
  const form = h('form', { class: 'composer', 'aria-label': editing ? 'Edit post' : replyTo ? 'Reply' : 'New post' });
  const textarea = h('textarea', { id: `${id}-text`, name: 'status', rows: options.compact ? 3 : 4,
    placeholder: replyTo ? 'Write your reply' : "What's on your mind?", autocomplete: 'off',
    'aria-autocomplete': 'list', 'aria-controls': `${id}-suggestions`, 'aria-expanded': 'false' });
  const cwInput = h('input', { id: `${id}-cw`, type: 'text', name: 'spoiler_text', placeholder: 'Content warning', maxlength: 500 });
  const cwRow = h('div', { class: 'cw-row', hidden: true }, h('label', { for: `${id}-cw`, class: 'visually-hidden' }, 'Content warning'), cwInput);
  const cwToggle = h('button', { type: 'button', class: 'tool', 'aria-pressed': 'false', title: 'Content warning', 'aria-label': 'Content warning', onclick: () => {
    cwRow.hidden = !cwRow.hidden;
    cwToggle.setAttribute('aria-pressed', String(!cwRow.hidden));
    if (!cwRow.hidden) cwInput.focus();
  } }, 'CW');
  const visibility = h('select', { id: `${id}-visibility`, name: 'visibility', disabled: Boolean(editing) },
    VISIBILITIES.map(([value, label]) => h('option', { value }, label)));
  const defaultVisibility = replyTo?.visibility === 'direct' ? 'direct'
    : replyTo?.visibility === 'private' ? 'private' : state.me?.source?.privacy || 'public';
  visibility.value = editing ? editing.visibility : defaultVisibility;
  const counter = h('output', { class: 'counter', for: `${id}-text`, 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, editing ? 'Save' : replyTo ? 'Reply' : 'Post');
  const fileInput = h('input', { id: `${id}-media`, type: 'file', multiple: true, class: 'visually-hidden',
    accept: limits().mediaTypes.join(',') });
  const mediaLabel = h('label', { for: `${id}-media`, class: 'tool button-like', title: 'Add images or video' }, 'Media');
  const mediaList = h('ul', { class: 'compose-media', 'aria-label': 'Attached media' });
  const suggestions = h('ul', { id: `${id}-suggestions`, class: 'suggestions', role: 'listbox', hidden: true, 'aria-label': 'Suggestions' });
  const emojiPanel = h('div', { class: 'emoji-panel', hidden: true, role: 'group', 'aria-label': 'Custom emoji' });
  const emojiButton = h('button', { type: 'button', class: 'tool', 'aria-expanded': 'false', title: 'Insert custom emoji', 'aria-label': 'Insert custom emoji',
    hidden: state.emojis.length === 0, onclick: () => toggleEmojiPanel() }, '☺');

  const poll = pollEditor(id, () => update());
  const pollButton = h('button', { type: 'button', class: 'tool', 'aria-pressed': 'false', title: 'Add a poll', 'aria-label': 'Add a poll',
    hidden: Boolean(editing), onclick: () => {
      poll.element.hidden = !poll.element.hidden;
      pollButton.setAttribute('aria-pressed', String(!poll.element.hidden));
      if (!poll.element.hidden) poll.element.querySelector('input').focus();
      update();
    } }, 'Poll');
  const pollActive = () => !poll.element.hidden;

  function insertAtCaret(text) {
    const start = textarea.selectionStart;
    const end = textarea.selectionEnd;
    textarea.setRangeText(text, start, end, 'end');
    textarea.focus();
    update();
  }

  function toggleEmojiPanel() {
    const show = emojiPanel.hidden;
    emojiPanel.hidden = !show;
    emojiButton.setAttribute('aria-expanded', String(show));
    if (show && !emojiPanel.firstChild) {
      const filter = h('input', { type: 'search', placeholder: 'Find emoji', 'aria-label': 'Find emoji' });
      const grid = h('div', { class: 'emoji-grid' });
      const draw = () => {
        const q = filter.value.toLowerCase();
        fill(grid, ...state.emojis.filter((e) => e.visible_in_picker !== false && e.shortcode.toLowerCase().includes(q)).slice(0, 200)
          .map((e) => h('button', { type: 'button', class: 'emoji-choice', title: `:${e.shortcode}:`, 'aria-label': `:${e.shortcode}:`,
            onclick: () => { insertAtCaret(`:${e.shortcode}: `); toggleEmojiPanel(); } },
          h('img', { src: e.static_url || e.url, alt: '', loading: 'lazy' }))));
      };
      filter.addEventListener('input', draw);
      emojiPanel.append(filter, grid);
      draw();
      filter.focus();
    }
  }

  function update() {
    const used = countCharacters(textarea.value) + countCharacters(cwRow.hidden ? '' : cwInput.value);
    const left = limits().maxCharacters - used;
    counter.textContent = String(left);
    counter.classList.toggle('over', left < 0);
    counter.setAttribute('aria-label', `${left} characters left`);
    const pollIncomplete = pollActive() && (textarea.value.trim() === '' || poll.options().filter(Boolean).length < 2);
    submit.disabled = left < 0 || (textarea.value.trim() === '' && attachments.length === 0) || pollIncomplete;
    // A post carries pictures or a poll, not both (as Mastodon's).
    fileInput.disabled = pollActive() || attachments.length >= limits().maxMedia;
    pollButton.disabled = attachments.length > 0;
  }

  function drawMedia() {
    fill(mediaList, ...attachments.map((a, index) => {
      const altId = `${id}-alt-${index}`;
      const alt = h('textarea', { id: altId, rows: 2, placeholder: 'Describe this for people who cannot see it', value: a.description || '',
        disabled: Boolean(a.existing), oninput: (event) => { a.description = event.target.value; } });
      return h('li', { class: 'compose-media-item' },
        a.preview_url ? h('img', { src: a.preview_url, alt: '' }) : h('span', { class: 'muted' }, a.type || 'file'),
        h('div', { class: 'alt-field' }, h('label', { for: altId }, 'Alt text'), alt),
        h('button', { type: 'button', class: 'remove', 'aria-label': 'Remove attachment', onclick: () => {
          attachments.splice(index, 1);
          drawMedia();
          update();
        } }, '×'));
    }));
    fileInput.disabled = attachments.length >= limits().maxMedia;
  }

  fileInput.addEventListener('change', async () => {
    const files = [...fileInput.files].slice(0, limits().maxMedia - attachments.length);
    fileInput.value = '';
    for (const file of files) {
      const body = new FormData();
      body.append('file', file);
      submit.disabled = true;
      try {
        const { data } = await request('POST', '/api/v2/media', { form: body });
        attachments.push({ id: data.id, type: data.type, preview_url: data.preview_url || data.url, description: '' });
        drawMedia();
      } catch (error) {
        toast(`Could not upload ${file.name}: ${error.message}`, 'error');
      }
    }
    update();
  });

  // --- autocomplete ----------------------------------------------------------------------------------------
  let active = -1;
  let items = [];
  let lookup = 0;
  function closeSuggestions() {
    suggestions.hidden = true;
    fill(suggestions);
    textarea.setAttribute('aria-expanded', 'false');
    textarea.removeAttribute('aria-activedescendant');
    items = [];
    active = -1;
  }
  function currentToken() {
    const before = textarea.value.slice(0, textarea.selectionStart);
    const m = before.match(/(^|\s)([@#][\p{L}\p{N}_.@:-]{1,})$/u);
    return m ? { text: m[2], start: textarea.selectionStart - m[2].length } : null;
  }
  function choose(index) {
    const item = items[index];
    const token = currentToken();
    if (!item || !token) return;
    textarea.setRangeText(`${item.insert} `, token.start, textarea.selectionStart, 'end');
    closeSuggestions();
    textarea.focus();
    update();
  }
  function highlight(index) {
    active = index;
    [...suggestions.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) textarea.setAttribute('aria-activedescendant', `${id}-s-${index}`);
  }
  async function suggest() {
    const token = currentToken();
    if (!token || token.text.length < 2) { closeSuggestions(); return; }
    const ticket = ++lookup;
    const isTag = token.text.startsWith('#');
    let results;
    try {
      results = await get('/api/v2/search', { q: token.text.slice(1), type: isTag ? 'hashtags' : 'accounts', limit: 5, resolve: false });
    } catch { return; }
    if (ticket !== lookup) return;
    items = isTag
      ? results.hashtags.map((t) => ({ insert: `#${t.name}`, label: `#${t.name}` }))
      : results.accounts.map((a) => ({ insert: `@${a.acct}`, label: `@${a.acct}`, detail: a.display_name }));
    if (items.length === 0) { closeSuggestions(); return; }
    fill(suggestions, ...items.map((item, i) => h('li', { id: `${id}-s-${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (event) => { event.preventDefault(); choose(i); } },
    h('span', {}, item.label), item.detail ? h('span', { class: 'muted' }, ` ${item.detail}`) : null)));
    suggestions.hidden = false;
    textarea.setAttribute('aria-expanded', 'true');
    highlight(0);
  }
  textarea.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') { event.preventDefault(); form.requestSubmit(); return; }
    if (suggestions.hidden) return;
    if (event.key === 'ArrowDown') { event.preventDefault(); highlight((active + 1) % items.length); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); highlight((active - 1 + items.length) % items.length); }
    else if (event.key === 'Enter' || event.key === 'Tab') { event.preventDefault(); choose(active); }
    else if (event.key === 'Escape') { event.preventDefault(); closeSuggestions(); }
  });
  let suggestTimer = null;
  textarea.addEventListener('input', () => {
    update();
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 150);
  });
  textarea.addEventListener('blur', () => setTimeout(closeSuggestions, 150));
  cwInput.addEventListener('input', update);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    const body = {
      status: textarea.value,
      spoiler_text: cwRow.hidden ? '' : cwInput.value,
      sensitive: !cwRow.hidden && cwInput.value !== '',
      media_ids: attachments.map((a) => a.id),
    };
    try {
      for (const a of attachments) {
        if (!a.existing && a.description) await request('PUT', `/api/v1/media/${encodeURIComponent(a.id)}`, { json: { description: a.description } });
      }
      let result;
      if (editing) {
        body.media_attributes = attachments.filter((a) => !a.existing).map((a) => ({ id: a.id, description: a.description }));
        result = (await request('PUT', `/api/v1/statuses/${encodeURIComponent(editing.id)}`, { json: body })).data;
        emit('status', result);
      } else {
        body.visibility = visibility.value;
        if (replyTo) body.in_reply_to_id = replyTo.id;
        if (pollActive()) body.poll = poll.value();
        result = (await request('POST', '/api/v1/statuses', { json: body })).data;
        emit('posted', result);
      }
      textarea.value = replyTo ? mentionsToAddress(replyTo) : '';
      cwInput.value = '';
      attachments.length = 0;
      drawMedia();
      if (pollActive()) { poll.reset(); poll.element.hidden = true; pollButton.setAttribute('aria-pressed', 'false'); }
      toast(editing ? 'Saved' : 'Posted');
      options.onDone?.(result);
    } catch (error) {
      toast(`Could not post: ${error.message}`, 'error');
    }
    update();
  });

  const textLabel = h('label', { for: textarea.id, class: 'visually-hidden' }, editing ? 'Post text' : replyTo ? 'Reply text' : 'Post text');
  const visibilityLabel = h('label', { for: visibility.id, class: 'visually-hidden' }, 'Visibility');
  append(form,
    replyTo ? h('p', { class: 'muted replying-to' }, `Replying to @${replyTo.account.acct}`) : null,
    cwRow, textLabel,
    h('div', { class: 'textarea-wrap' }, textarea, suggestions),
    mediaList, poll.element, emojiPanel,
    h('div', { class: 'compose-tools' }, fileInput, mediaLabel, pollButton, emojiButton, cwToggle, visibilityLabel, visibility,
      counter, submit));

  if (editing) {
    (async () => {
      try {
        const source = await get(`/api/v1/statuses/${encodeURIComponent(editing.id)}/source`);
        textarea.value = source.text;
        if (source.spoiler_text) { cwInput.value = source.spoiler_text; cwRow.hidden = false; cwToggle.setAttribute('aria-pressed', 'true'); }
      } catch {
        textarea.value = editing.text || '';
      }
      for (const m of editing.media_attachments || []) {
        attachments.push({ id: m.id, type: m.type, preview_url: m.preview_url, description: m.description, existing: true });
      }
      drawMedia();
      update();
    })();
  } else if (replyTo) {
    textarea.value = mentionsToAddress(replyTo);
    if (replyTo.spoiler_text) { cwInput.value = replyTo.spoiler_text; cwRow.hidden = false; cwToggle.setAttribute('aria-pressed', 'true'); }
  }
  update();
  if (options.autofocus) queueMicrotask(() => { textarea.focus(); textarea.setSelectionRange(textarea.value.length, textarea.value.length); });
  return form;
}

// A modal composer for replies and edits.
export function openComposerDialog(options) {
  const title = options.editing ? 'Edit post' : options.replyTo ? 'Reply' : 'New post';
  const dialog = h('dialog', { class: 'compose-dialog', 'aria-label': title });
  const close = () => { dialog.close(); dialog.remove(); };
  dialog.append(
    h('div', { class: 'dialog-head' }, h('h2', {}, title),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: close }, '×')),
    composer({ ...options, autofocus: true, onDone: (status) => { close(); options.onDone?.(status); } }));
  dialog.addEventListener('cancel', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
