// Building DOM nodes without HTML strings: every text goes through textContent, so nothing a server or a user
// typed is ever parsed as markup. The one exception, setSanitizedHtml, is for the server's sanitised `content`
// and `note` fields.

// h('button', {class: 'x', onclick: fn, 'aria-label': 'y'}, child, 'text', [more children])
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'hidden') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// Only for the server's sanitised HTML. Links open outside the app in a new tab and never pass a referrer.
export function setSanitizedHtml(el, html) {
  el.innerHTML = html || '';
  for (const a of el.querySelectorAll('a[href]')) {
    if (!/^https?:/i.test(a.getAttribute('href'))) { a.removeAttribute('href'); continue; }
    a.target = '_blank';
    a.rel = 'noopener noreferrer nofollow';
  }
  return el;
}

// Replaces :shortcode: in the text nodes under `el` with the matching custom emoji images.
export function emojify(el, emojis) {
  if (!emojis || emojis.length === 0) return el;
  const byCode = new Map(emojis.map((e) => [e.shortcode, e]));
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const text = node.nodeValue;
    if (!text.includes(':')) continue;
    const parts = text.split(/:([A-Za-z0-9_]+):/);
    if (parts.length === 1) continue;
    const fragment = document.createDocumentFragment();
    parts.forEach((part, i) => {
      if (i % 2 === 0) { if (part) fragment.append(part); return; }
      const emoji = byCode.get(part);
      if (!emoji || !/^(https?:|\/)/.test(emoji.url)) { fragment.append(`:${part}:`); return; }
      fragment.append(h('img', { class: 'emoji', src: emoji.static_url || emoji.url, alt: `:${part}:`, title: `:${part}:`, draggable: 'false' }));
    });
    node.replaceWith(fragment);
  }
  return el;
}

// Plain text (e.g. a display name) with custom emoji.
export function textWithEmoji(tag, attrs, text, emojis) {
  return emojify(h(tag, attrs, text || ''), emojis);
}

// The text of an HTML fragment, parsed inertly (DOMParser runs no scripts and loads nothing).
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html || '', 'text/html');
  return doc.body.textContent || '';
}

export function safeUrl(url) {
  return typeof url === 'string' && /^(https?:\/\/|\/)/i.test(url) ? url : null;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'narrow' });
export function timeAgo(iso) {
  const then = new Date(iso).getTime();
  const seconds = Math.round((then - Date.now()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return relative.format(Math.round(seconds / 86400), 'day');
  return new Date(iso).toLocaleDateString();
}

export function toast(message, kind = 'info') {
  const region = document.getElementById('toasts');
  if (!region) return;
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  region.append(item);
  setTimeout(() => item.remove(), 5000);
}

// replaceChildren that skips null/false children (the DOM's own would insert the text "null").
export function fill(el, ...children) {
  clear(el);
  return append(el, children);
}
