// The invoke panel: sends an input synchronously (streaming its log lines, then the answer) or
// asynchronously (following the invocation's events to its end).
import { request, readEvents, followInvocation, FINAL } from '../api.js';
import { el, replace, link, badge, failure } from '../dom.js';

export function invokePanel(name, context) {
  const input = el('textarea', { id: 'invoke-input', rows: 4, spellcheck: 'false', text: '{"name": "Ada"}' });
  const type = el('select', { id: 'invoke-type' },
    el('option', { value: 'application/json', text: 'application/json' }),
    el('option', { value: 'text/plain', text: 'text/plain' }));
  const async = el('input', { type: 'checkbox', id: 'invoke-async' });
  const status = el('div', { id: 'invoke-status', class: 'status' });
  const logs = el('div', { id: 'invoke-logs', class: 'logs' });
  const answer = el('pre', { id: 'invoke-answer', class: 'answer' });
  const button = el('button', { type: 'submit', id: 'invoke-button', text: 'Invoke' });
  const form = el('form', { id: 'invoke', class: 'card' },
    el('h2', { text: 'Invoke' }),
    el('label', { for: 'invoke-input', text: 'Input' }), input,
    el('div', { class: 'row' },
      el('label', {}, 'Content type ', type),
      el('label', {}, async, ' asynchronous (Prefer: respond-async)'),
      button),
    status, el('h3', { text: 'Log' }), logs, el('h3', { text: 'Answer' }), answer);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(status, 'sending…');
    replace(logs);
    replace(answer);
    button.disabled = true;
    try {
      const options = { method: 'POST', body: input.value, signal: context.signal };
      const path = '/v1/functions/' + encodeURIComponent(name) + '/invocations';
      if (async.checked) await invokeAsync(path, options, { status, logs, answer }, context);
      else await invokeSync(path, options, type.value, { status, logs, answer });
    } catch (error) {
      if (!context.signal.aborted) replace(status, failure(error));
    } finally {
      button.disabled = false;
    }
  });
  return form;

  async function invokeSync(path, options, contentType, out) {
    const response = await request(path, { ...options, headers: { 'Content-Type': contentType, Accept: 'text/event-stream' } });
    if (!(response.headers.get('Content-Type') ?? '').startsWith('text/event-stream')) {
      replace(out.status, badge(String(response.status)));
      out.answer.textContent = await response.text();
      return;
    }
    replace(out.status, 'running…');
    await readEvents(response, ({ event, data }) => {
      if (event.startsWith('log')) logLine(out.logs, event, data);
      else if (event === 'result') showResult(out, data);
    });
  }

  async function invokeAsync(path, options, out, ctx) {
    const response = await request(path, { ...options, headers: { 'Content-Type': type.value, Prefer: 'respond-async' } });
    const body = await response.json().catch(() => null);
    if (response.status !== 202) {
      replace(out.status, badge(String(response.status)), ' ', body?.error?.message ?? '');
      return;
    }
    const id = body.id;
    replace(out.status, badge('queued'), ' ', link(id, 'invocations', id));
    await followInvocation(id, ({ event, data }) => {
      if (event.startsWith('log')) { logLine(out.logs, event, data); return; }
      replace(out.status, badge(data.status ?? event), ' ', link(id, 'invocations', id));
      if (FINAL.has(data.status)) {
        out.answer.textContent = data.error ? data.error.code + ': ' + data.error.message : render(data.result);
      }
    }, ctx.signal);
  }
}

function showResult(out, data) {
  const text = data.body ?? (data.bodyBase64 != null ? '(binary, base64) ' + data.bodyBase64 : '');
  replace(out.status, badge(String(data.status)), ' ', data.coldStart ? 'cold start' : 'warm',
    data.requestId ? [' · ', link(data.requestId, 'invocations', data.requestId)] : null);
  out.answer.textContent = text;
}

/** One line of a log event, added as text. */
export function logLine(logs, event, data) {
  const text = event === 'log-dropped' ? '[' + data.dropped + ' lines dropped]' : data.line ?? String(data);
  logs.append(el('div', { class: 'line' + (event === 'log' ? '' : ' note'), text }));
  logs.scrollTop = logs.scrollHeight;
}

function render(result) {
  if (result == null) return '';
  return typeof result === 'string' ? result : JSON.stringify(result, null, 2);
}
