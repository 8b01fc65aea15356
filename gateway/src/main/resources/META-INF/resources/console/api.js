// The platform's public API through the gateway, with the signed-in user's token: the console has no
// other way in. Every error answer is an RFC 9457 problem; it is thrown as a Problem, field by field.
import { accessToken, signIn } from './auth.js';

export class Problem extends Error {
  constructor({ status, title, detail, violations, type }) {
    super(detail ?? title ?? `HTTP ${status}`);
    this.status = status;
    this.title = title ?? `HTTP ${status}`;
    this.detail = detail;
    this.type = type;
    this.violations = violations ?? [];
  }
}

function url(path, query) {
  const target = new URL(path, location.origin);
  Object.entries(query ?? {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      target.searchParams.set(name, value);
    }
  });
  return target;
}

/** One call: its parsed body (JSON or, for XML, text) and the entity version (ETag) when it has one. */
export async function call(method, path, { query, body, ifMatch } = {}) {
  const token = await accessToken();
  if (!token) {
    await signIn();
    throw new Problem({ status: 401, title: 'Signing in again' });
  }
  const headers = { Authorization: `Bearer ${token}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (ifMatch) {
    headers['If-Match'] = ifMatch;
  }
  const response = await fetch(url(path, query), {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json() : { title: response.statusText };
    throw new Problem({ status: response.status, ...problem });
  }
  let data = null;
  if (response.status !== 204) {
    data = type.includes('json') ? await response.json() : await response.text();
  }
  return { data, etag: response.headers.get('ETag') };
}

export async function get(path, query) {
  return (await call('GET', path, { query })).data;
}

export async function post(path, body, query) {
  return (await call('POST', path, { body, query })).data;
}

/** Every item of a paged list (a cursor in next), up to a bound so that a huge list cannot hang the page. */
export async function all(path, query = {}, bound = 2000) {
  const items = [];
  let next;
  do {
    const page = await get(path, { ...query, limit: 200, next });
    items.push(...page.items);
    next = page.next;
  } while (next && items.length < bound);
  return items;
}
