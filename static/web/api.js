// The client API, with the signed-in user's token. Lists come back with the `Link` header's next/prev URLs.

const SESSION_KEY = 'vmst.session';
const APP_KEY = 'vmst.app';

export function session() {
  try { return JSON.parse(localStorage.getItem(SESSION_KEY)); } catch { return null; }
}
export function saveSession(value) {
  if (value) localStorage.setItem(SESSION_KEY, JSON.stringify(value)); else localStorage.removeItem(SESSION_KEY);
}
export function registeredApp() {
  try { return JSON.parse(localStorage.getItem(APP_KEY)); } catch { return null; }
}
export function saveRegisteredApp(value) {
  if (value) localStorage.setItem(APP_KEY, JSON.stringify(value)); else localStorage.removeItem(APP_KEY);
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function parseLinks(header) {
  const links = {};
  for (const part of (header || '').split(',')) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="?([a-z]+)"?/);
    if (match) links[match[2]] = match[1];
  }
  return links;
}

// path: "/api/v1/..." or a full same-origin URL from a Link header.
export async function request(method, path, { json, form, query, auth = true } = {}) {
  const url = new URL(path, location.origin);
  if (url.origin !== location.origin) throw new ApiError(0, 'refusing to call another origin');
  for (const [key, value] of Object.entries(query || {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(`${key}[]`, v));
    else url.searchParams.set(key, value);
  }
  const headers = { Accept: 'application/json' };
  const token = session()?.token;
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(json); }
  if (form !== undefined) body = form;
  const response = await fetch(url, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    const message = data?.error_description || data?.error || `${response.status} ${response.statusText}`;
    if (response.status === 401 && auth && token) window.dispatchEvent(new CustomEvent('vmst:unauthorized'));
    throw new ApiError(response.status, message);
  }
  return { data, links: parseLinks(response.headers.get('Link')) };
}

export const get = async (path, query) => (await request('GET', path, { query })).data;
export const post = async (path, json) => (await request('POST', path, { json: json || {} })).data;
export const put = async (path, json) => (await request('PUT', path, { json: json || {} })).data;
export const del = async (path) => (await request('DELETE', path)).data;
