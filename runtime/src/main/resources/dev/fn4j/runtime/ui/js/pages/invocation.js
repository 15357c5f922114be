// An invocation's page: timings, attempts, result or error and logs; one still queued or running
// is followed live through its events.
import { json, optional, session, followInvocation, FINAL } from '../api.js';
import { el, replace, link, ms, count, when, badge, facts, noData, failure } from '../dom.js';
import { logLine } from './invoke-panel.js';

export async function render(view, [id], context) {
  const body = el('div');
  replace(view, el('div', { class: 'title' }, el('h1', { text: 'Invocation ' + id })), body);
  const invocation = await json('/v1/invocations/' + encodeURIComponent(id));
  await show(body, invocation, context);
  if (!FINAL.has(invocation.status)) follow(body, id, context);
}

async function show(body, i, context) {
  const attempts = i.async ? await optional('/v1/invocations/' + encodeURIComponent(i.id) + '/attempts') : null;
  const redrive = session.admin() && i.status === 'dead_lettered'
    ? el('button', { type: 'button', text: 'Redrive', onclick: async () => {
      await json('/v1/invocations/' + encodeURIComponent(i.id) + '/redrive', { method: 'POST' });
      location.reload();
    } }) : null;
  replace(body,
    facts([
      ['Status', el('span', { id: 'invocation-status' }, badge(i.status), ' ', redrive)],
      ['Function', link(i.function, 'functions', i.function)],
      ['Revision', count(i.revision)],
      ['Mode', i.async ? 'asynchronous' : 'synchronous'],
      ['Attempts', count(i.attempts)],
      ['Queued', when(i.queuedAt)],
      ['Started', when(i.startedAt)],
      ['Ended', when(i.endedAt)],
      ['Duration', ms(i.durationMs)],
      ['Start', i.coldStart == null ? '—' : i.coldStart ? 'cold' : 'warm'],
    ]),
    i.error ? [el('h2', { text: 'Error' }), el('pre', { id: 'invocation-error', class: 'answer bad', text: i.error.code + ': ' + i.error.message })] : null,
    i.result != null ? [el('h2', { text: 'Result' }), el('pre', { id: 'invocation-result', class: 'answer', text: typeof i.result === 'string' ? i.result : JSON.stringify(i.result, null, 2) })] : null,
    attempts?.attempts?.length ? [el('h2', { text: 'Attempts' }), attemptsTable(attempts.attempts)] : null,
    el('h2', { text: 'Logs' }),
    i.logs ? el('div', { id: 'invocation-logs', class: 'logs' }, i.logs.replace(/\n$/, '').split('\n').map((line) => el('div', { class: 'line', text: line })))
      : el('div', { id: 'invocation-logs', class: 'logs' }, noData('no logs')));
}

function attemptsTable(attempts) {
  return el('table', { class: 'grid', id: 'attempts-table' },
    el('thead', {}, el('tr', {}, ['Attempt', 'Outcome', 'Started', 'Ended', 'Error'].map((h) => el('th', { text: h })))),
    el('tbody', {}, attempts.map((a) => el('tr', {},
      el('td', { class: 'num', text: count(a.attempt) }), el('td', {}, badge(a.outcome ?? 'running')),
      el('td', {}, when(a.startedAt)), el('td', {}, when(a.endedAt)),
      el('td', { text: a.error ? a.error.code + ': ' + a.error.message : '' })))));
}

/** Follows the events: each state change redraws the page, each log line is added live. */
async function follow(body, id, context) {
  try {
    await followInvocation(id, async ({ event, data }) => {
      if (event.startsWith('log')) {
        const logs = body.querySelector('#invocation-logs');
        logs.querySelector('.no-data')?.remove();
        logLine(logs, event, data);
      } else if (data && data.id) {
        if (FINAL.has(data.status)) await show(body, data, context);
        else replace(body.querySelector('#invocation-status'), badge(data.status));
      }
    }, context.signal);
  } catch (error) {
    if (!context.signal.aborted) body.prepend(failure(error));
  }
}
