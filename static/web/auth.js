// Signing in through this server's own OAuth: the app registers itself once per browser, then sends the user to
// /oauth/authorize with an authorization code + PKCE (S256) request and trades the code for a token on return.
import { request, registeredApp, saveRegisteredApp, saveSession, session } from './api.js';

const SCOPES = 'read write follow push';
const PENDING_KEY = 'vmst.pending-sign-in';

const redirectUri = () => `${location.origin}/web/callback`;

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

// Is the app this browser registered earlier still known to the server (its database may have been reset)?
async function stillRegistered(app) {
  try {
    await request('POST', '/oauth/token', {
      auth: false, json: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, scope: 'read' },
    });
    return true;
  } catch (error) {
    return error.status !== 401 && error.status !== 400;
  }
}

async function ensureApp() {
  const known = registeredApp();
  if (known && known.redirect_uri === redirectUri() && await stillRegistered(known)) return known;
  const { data } = await request('POST', '/api/v1/apps', {
    auth: false,
    json: { client_name: 'vmst web', redirect_uris: redirectUri(), scopes: SCOPES, website: location.origin },
  });
  const app = { client_id: data.client_id, client_secret: data.client_secret, redirect_uri: redirectUri() };
  saveRegisteredApp(app);
  return app;
}

export async function beginSignIn() {
  const app = await ensureApp();
  const verifier = randomString(48);
  const state = randomString(16);
  const params = new URLSearchParams({
    client_id: app.client_id, redirect_uri: app.redirect_uri, response_type: 'code', scope: SCOPES, state,
  });
  // crypto.subtle exists only in secure contexts (https, or localhost while developing).
  if (crypto.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    params.set('code_challenge', base64url(digest));
    params.set('code_challenge_method', 'S256');
  }
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier: crypto.subtle ? verifier : null }));
  location.assign(`/oauth/authorize?${params}`);
}

// On /web/callback: checks the state, exchanges the code, stores the session. Returns an error message or null.
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  let pending = null;
  try { pending = JSON.parse(sessionStorage.getItem(PENDING_KEY)); } catch { pending = null; }
  sessionStorage.removeItem(PENDING_KEY);
  if (query.get('error')) return query.get('error_description') || query.get('error');
  const app = registeredApp();
  if (!pending || !app || query.get('state') !== pending.state || !query.get('code')) {
    return 'This sign-in link is not the one this browser started. Please sign in again.';
  }
  const body = {
    grant_type: 'authorization_code', code: query.get('code'), redirect_uri: app.redirect_uri,
    client_id: app.client_id, client_secret: app.client_secret, scope: SCOPES,
  };
  if (pending.verifier) body.code_verifier = pending.verifier;
  try {
    const { data } = await request('POST', '/oauth/token', { auth: false, json: body });
    saveSession({ token: data.access_token });
    return null;
  } catch (error) {
    if (error.status === 401) saveRegisteredApp(null);  // the app was removed on the server: register anew
    return `Sign-in failed: ${error.message}`;
  }
}

export async function signOut() {
  const app = registeredApp();
  const token = session()?.token;
  saveSession(null);
  if (app && token) {
    try {
      await request('POST', '/oauth/revoke', {
        auth: false, json: { client_id: app.client_id, client_secret: app.client_secret, token },
      });
    } catch { /* the token is forgotten here either way */ }
  }
}
