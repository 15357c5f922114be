// The dashboard's shell: sign-in, the navigation by scope, and the hash router that renders one
// page at a time and stops the page it leaves (its timers and streams).
import { session, whoami, json, ApiError } from './api.js';
import { el, replace, failure } from './dom.js';
import * as functions from './pages/functions.js';
import * as fn from './pages/function.js';
import * as invocation from './pages/invocation.js';
import * as deadLetters from './pages/dead-letters.js';
import * as keys from './pages/keys.js';
import * as apiDoc from './pages/api-doc.js';

const view = document.getElementById('view');
let leaving = null;
/** Whether a tab without a key tries the loopback identity (--open-loopback); off once signed out. */
let keyless = true;

/** [pattern, page, admin only]; a page is render(view, params, page context). */
const ROUTES = [
  [/^#\/functions$/, functions, false],
  [/^#\/functions\/([^/]+)$/, fn, false],
  [/^#\/invocations\/([^/]+)$/, invocation, false],
  [/^#\/dead-letters$/, deadLetters, true],
  [/^#\/keys$/, keys, true],
  [/^#\/api$/, apiDoc, false],
];

async function render() {
  if (leaving) leaving.abort();
  leaving = new AbortController();
  const context = { signal: leaving.signal, every: (ms, task) => repeat(ms, task, leaving.signal) };
  if (!session.key() && !session.identity) {
    session.identity = keyless ? await loopbackIdentity() : null;
    if (!session.identity) {
      showSignIn();
      return;
    }
  }
  if (!session.identity) {
    try {
      session.identity = await whoami();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        session.signOut();
        showSignIn('The runtime did not accept this key: ' + error.message);
      } else {
        replace(view, failure(error));
      }
      return;
    }
  }
  showSignedIn();
  const hash = location.hash || '#/functions';
  for (const [pattern, page, adminOnly] of ROUTES) {
    const match = pattern.exec(hash);
    if (!match) continue;
    if (adminOnly && !session.admin()) {
      replace(view, el('p', { class: 'error', text: 'This page needs an admin key.' }));
      return;
    }
    markNav(hash);
    replace(view);
    try {
      await page.render(view, match.slice(1).map(decodeURIComponent), context);
    } catch (error) {
      if (!context.signal.aborted) replace(view, failure(error));
    }
    return;
  }
  location.hash = '#/functions';
}

/** What /v1/whoami answers a keyless request: the loopback identity under --open-loopback, else null. */
async function loopbackIdentity() {
  try {
    return await json('/v1/whoami');
  } catch {
    return null;
  }
}

function repeat(ms, task, signal) {
  const timer = setInterval(() => { if (!document.hidden) task(); }, ms);
  signal.addEventListener('abort', () => clearInterval(timer));
}

function showSignIn(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('sign-out').hidden = true;
  replace(document.getElementById('who'));
  const input = el('input', { type: 'password', id: 'api-key', name: 'api-key', autocomplete: 'off',
    spellcheck: 'false', required: true, placeholder: 'fn4j_…', size: 60 });
  const form = el('form', { id: 'sign-in', class: 'card' },
    el('h1', { text: 'Sign in' }),
    el('p', { text: 'Paste an API key. It stays in this browser tab only (session storage) and is sent to this runtime only.' }),
    el('label', { for: 'api-key', text: 'API key' }), input,
    el('button', { type: 'submit', text: 'Sign in' }),
    message ? el('p', { class: 'error', role: 'alert', text: message }) : null);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    session.signIn(input.value.trim());
    session.identity = null;
    render();
  });
  replace(view, form);
  input.focus();
}

function showSignedIn() {
  const nav = document.getElementById('nav');
  nav.hidden = false;
  for (const a of nav.querySelectorAll('[data-admin]')) a.hidden = !session.admin();
  const identity = session.identity;
  replace(document.getElementById('who'),
    el('span', { id: 'scope', class: 'badge', text: identity.scope }),
    identity.name ? ' ' + identity.name : session.key() ? '' : ' loopback, no key');
  document.getElementById('sign-out').hidden = false;
}

function markNav(hash) {
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', hash.startsWith(a.getAttribute('href')));
  }
}

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  session.identity = null;
  keyless = false;
  location.hash = '#/functions';
  render();
});
window.addEventListener('hashchange', render);
render();
