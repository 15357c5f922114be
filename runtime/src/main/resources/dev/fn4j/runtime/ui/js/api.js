// Talks to the runtime's API with the key kept in sessionStorage: sent only as
// "Authorization: Bearer", never in a URL, a cookie or a log.

const KEY = 'fn4j.apiKey';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
  /** {id, name, scope} of the signed-in key, from /v1/whoami. */
  identity: null,
  admin() { return this.identity?.scope === 'admin'; },
};

/** An error answer of the API: its status, stable code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** A raw fetch with the key; the caller reads the answer. */
export function request(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const all = { ...headers };
  const key = session.key();
  if (key) all.Authorization = 'Bearer ' + key;
  return fetch(path, { method, body, headers: all, signal, cache: 'no-store', credentials: 'omit', redirect: 'error' });
}

/** The JSON answer, or an ApiError for any status but 2xx. */
export async function json(path, options) {
  const response = await request(path, options);
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.code ?? null,
      body?.error?.message ?? (response.status + ' ' + response.statusText));
  }
  return body;
}

/** The JSON answer, or null when the runtime answers 404 (an endpoint or a thing it does not have). */
export async function optional(path, options) {
  try {
    return await json(path, options);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The signed-in key's identity; an ApiError 401 when the key is not valid. */
export async function whoami() {
  const identity = await optional('/v1/whoami');
  // Under --open-loopback the runtime does not read a key on invoke routes, so whoami answers the
  // keyless loopback identity; then, as on a runtime without /v1/whoami, the admin-only function
  // list (which always checks the key) tells the scope.
  if (identity && (identity.id !== null || !session.key())) return identity;
  const probe = await request('/v1/functions');
  if (probe.ok) return { id: null, name: null, scope: 'admin' };
  if (probe.status === 403) return { id: null, name: null, scope: 'invoke' };
  throw new ApiError(probe.status, 'unauthorized', 'the runtime refused this API key');
}

/**
 * Reads a Server-Sent Events answer from fetch() (EventSource cannot send the key) and calls
 * onEvent({event, data, id}) for each event; resolves when the stream ends.
 */
export async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer = (buffer + value).replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parseEvent(block);
      if (event) onEvent(event);
    }
  }
}

function parseEvent(block) {
  let event = 'message';
  let id = null;
  const data = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (data.length === 0) return null;
  const text = data.join('\n');
  let parsed;
  try { parsed = JSON.parse(text); } catch { parsed = text; }
  return { event, id, data: parsed };
}

/** Follows an invocation's events until its final state; stops when signal aborts. */
export async function followInvocation(id, onEvent, signal) {
  const response = await request('/v1/invocations/' + encodeURIComponent(id) + '/events',
    { headers: { Accept: 'text/event-stream' }, signal });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body?.error?.code, body?.error?.message ?? String(response.status));
  }
  await readEvents(response, onEvent);
}

/** The final states of an invocation. */
export const FINAL = new Set(['succeeded', 'failed', 'timed_out', 'dead_lettered']);
