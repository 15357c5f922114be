// The async backlog and dead letters (admin): per function, the calls waiting or running and
// the dead letters, with redrive (one or all) and purge.
import { json, optional } from '../api.js';
import { el, replace, link, when, count, noData, failure } from '../dom.js';

export async function render(view, params, context) {
  const body = el('div', { id: 'dead-letters' });
  replace(view, el('h1', { text: 'Backlog and dead letters' }), body);
  const refresh = async () => {
    try {
      await fill(body, refresh);
    } catch (error) {
      if (!context.signal.aborted) replace(body, failure(error));
    }
  };
  await refresh();
}

async function fill(body, refresh) {
  const stats = await optional('/v1/stats/functions?window=1h');
  const functions = stats ? stats.functions : (await json('/v1/functions')).functions.map((f) => ({ name: f.name }));
  // With stats, only the functions that have dead letters are asked for them.
  const shown = stats ? functions.filter((f) => f.deadLetters > 0) : functions;
  const sections = await Promise.all(shown.map((f) => section(f, refresh)));
  const backlog = stats ? el('table', { class: 'grid', id: 'backlog-table' },
    el('thead', {}, el('tr', {}, ['Function', 'Backlog (queued + running)', 'Dead letters'].map((h) => el('th', { text: h })))),
    el('tbody', {}, functions.map((f) => el('tr', {}, el('td', {}, link(f.name, 'functions', f.name)),
      el('td', { class: 'num', text: count(f.backlog) }), el('td', { class: 'num', text: count(f.deadLetters) })))))
    : noData('no data: this runtime has no backlog statistics (/v1/stats/functions)');
  const letters = sections.filter(Boolean);
  replace(body, el('h2', { text: 'Backlog' }), backlog, el('h2', { text: 'Dead letters' }),
    letters.length ? letters : noData('No dead letters.'));
}

async function section(f, refresh) {
  const path = '/v1/functions/' + encodeURIComponent(f.name) + '/dead-letters';
  const page = await json(path + '?limit=100');
  if (!page.deadLetters.length) return null;
  const act = (run) => async () => { try { await run(); } finally { await refresh(); } };
  return el('section', { class: 'card', 'data-function': f.name },
    el('div', { class: 'title' }, el('h3', {}, link(f.name, 'functions', f.name)),
      el('span', {},
        el('button', { type: 'button', text: 'Redrive all', onclick: act(() => json(path + '/redrive', { method: 'POST' })) }), ' ',
        el('button', { type: 'button', class: 'danger', text: 'Purge', onclick: act(async () => {
          if (confirm('Delete every dead letter of ' + f.name + '?')) await json(path, { method: 'DELETE' });
        }) }))),
    el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, ['Id', 'Attempts', 'Error', 'Ended', ''].map((h) => el('th', { text: h })))),
      el('tbody', {}, page.deadLetters.map((d) => el('tr', {},
        el('td', {}, link(d.id, 'invocations', d.id)), el('td', { class: 'num', text: count(d.attempts) }),
        el('td', { text: d.error ? d.error.code + ': ' + d.error.message : '' }), el('td', {}, when(d.endedAt)),
        el('td', {}, el('button', { type: 'button', text: 'Redrive', onclick: act(() => json('/v1/invocations/' + encodeURIComponent(d.id) + '/redrive', { method: 'POST' })) })))))),
    page.next ? el('p', { class: 'muted', text: 'More than 100; redrive or purge to see the rest.' }) : null);
}
