// Sign-in with the authorization-code flow and PKCE (RFC 7636) against the platform's identity provider,
// as a public client: no secret lives in the page. Tokens are kept in sessionStorage, so they end with
// the tab and are never sent anywhere but in the Authorization header of the API's calls.

const TOKENS = 'console.tokens';
const PENDING = 'console.sign-in';
// a token this close to expiry is refreshed before a call rather than refused by the gateway mid-call
const REFRESH_MARGIN_MS = 30_000;

let settings;

export async function loadSettings() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`The gateway did not give the console its settings (${response.status})`);
  }
  settings = await response.json();
  return settings;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return `${location.origin}/console/`;
}

/** Sends the browser to the identity provider's sign-in page; it comes back to /console/ with a code. */
export async function signIn() {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(), scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${settings.authorizationEndpoint}?${query}`);
}

/**
 * Finishes a sign-in when the identity provider has just sent the browser back with a code: exchanges it
 * for tokens and takes the code out of the address bar. Returns false when there was none to finish.
 */
export async function finishSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) {
    return false;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `/console/${pending?.returnTo ?? ''}`);
  if (params.has('error')) {
    throw new Error(`Sign-in failed: ${params.get('error_description') ?? params.get('error')}`);
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('Sign-in failed: the answer does not belong to a sign-in started here');
  }
  await requestTokens({
    grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    client_id: settings.clientId, code_verifier: pending.verifier,
  });
  return true;
}

async function requestTokens(form) {
  const response = await fetch(settings.tokenEndpoint, { method: 'POST', body: new URLSearchParams(form) });
  if (!response.ok) {
    sessionStorage.removeItem(TOKENS);
    throw new Error(`The identity provider refused the sign-in (${response.status})`);
  }
  const tokens = await response.json();
  sessionStorage.setItem(TOKENS, JSON.stringify({
    access: tokens.access_token, refresh: tokens.refresh_token, id: tokens.id_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
  }));
}

function stored() {
  return JSON.parse(sessionStorage.getItem(TOKENS) ?? 'null');
}

/** A valid access token, refreshed when about to expire; null when the user must sign in (again). */
export async function accessToken() {
  const tokens = stored();
  if (!tokens) {
    return null;
  }
  if (tokens.expiresAt - Date.now() > REFRESH_MARGIN_MS) {
    return tokens.access;
  }
  if (!tokens.refresh) {
    return null;
  }
  try {
    await requestTokens({ grant_type: 'refresh_token', refresh_token: tokens.refresh, client_id: settings.clientId });
    return stored().access;
  } catch {
    return null;
  }
}

/** Who is signed in, as the access token says: their user name and realm roles. */
export function user() {
  const tokens = stored();
  if (!tokens) {
    return null;
  }
  const payload = tokens.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  return { name: claims.preferred_username ?? claims.sub, roles: claims.realm_access?.roles ?? [] };
}

/** Forgets the tokens and ends the session at the identity provider, which sends the browser back here. */
export function signOut() {
  const tokens = stored();
  sessionStorage.removeItem(TOKENS);
  const query = new URLSearchParams({ client_id: settings.clientId, post_logout_redirect_uri: redirectUri() });
  if (tokens?.id) {
    query.set('id_token_hint', tokens.id);
  }
  location.assign(`${settings.endSessionEndpoint}?${query}`);
}
