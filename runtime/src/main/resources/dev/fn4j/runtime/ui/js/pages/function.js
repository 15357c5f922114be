// A function's page: its spec, revisions and instances (admin), charts over the last hour or
// day, its recent invocations, and the invoke panel.
import { json, optional, session, ApiError } from '../api.js';
import { el, replace, link, ms, count, when, badge, facts, noData, failure } from '../dom.js';
import { CHARTS, draw } from '../charts.js';
import { invokePanel } from './invoke-panel.js';

const REFRESH_MS = 5000;
const WINDOWS = { '1h': 3600, '1d': 86400 };

export async function render(view, [name], context) {
  const details = el('section', { id: 'details' });
  const charts = el('section', { id: 'charts' });
  const recent = el('section', { id: 'recent' });
  replace(view,
    el('div', { class: 'title' }, el('h1', { id: 'function-name', text: name }), link('all functions', 'functions')),
    charts, invokePanel(name, context), recent, details);

  await Promise.all([
    drawCharts(charts, name, '1h', context),
    drawRecent(recent, name, context),
    session.admin() ? drawDetails(details, name, context) : null,
  ]);
  context.every(REFRESH_MS, () => {
    drawRecent(recent, name, context);
    if (session.admin()) drawDetails(details, name, context);
  });
}

async function drawCharts(section, name, window, context) {
  const toggle = el('div', { class: 'toggle', role: 'group' }, Object.keys(WINDOWS).map((w) => el('button', {
    type: 'button', 'data-window': w, 'aria-pressed': String(w === window), text: 'last ' + (w === '1h' ? 'hour' : 'day'),
    onclick: () => drawCharts(section, name, w, context),
  })));
  const grid = el('div', { class: 'charts' });
  const note = el('div');
  replace(section, el('div', { class: 'title' }, el('h2', { text: 'Activity' }), toggle), note, grid);
  let buckets = [];
  try {
    const stats = await optional('/v1/functions/' + encodeURIComponent(name) + '/stats?window=' + window);
    if (stats) buckets = stats.buckets;
    else replace(note, noData('no data: this runtime has no statistics for ' + name));
  } catch (error) {
    replace(note, failure(error));
  }
  for (const chart of CHARTS) {
    const box = el('div', { class: 'chart' });
    grid.append(el('figure', {}, el('figcaption', { text: chart[0] }), box));
    if (!context.signal.aborted) await draw(box, chart, buckets, WINDOWS[window]);
  }
}

async function drawRecent(section, name, context) {
  try {
    const list = await json('/v1/functions/' + encodeURIComponent(name) + '/invocations?limit=20');
    const rows = list.invocations.map((i) => el('tr', { 'data-id': i.id },
      el('td', {}, link(i.id, 'invocations', i.id)),
      el('td', {}, badge(i.status)),
      el('td', { class: 'num', text: ms(i.durationMs) }),
      el('td', { text: i.coldStart == null ? '—' : i.coldStart ? 'cold' : 'warm' }),
      el('td', { text: i.async ? 'async' : 'sync' }),
      el('td', {}, when(i.queuedAt ?? i.startedAt))));
    replace(section, el('h2', { text: 'Recent invocations' }), rows.length
      ? el('table', { class: 'grid', id: 'invocations-table' },
        el('thead', {}, el('tr', {}, ['Id', 'Status', 'Duration', 'Start', 'Mode', 'When'].map((h) => el('th', { text: h })))),
        el('tbody', {}, rows))
      : noData('No invocations yet.'));
  } catch (error) {
    if (!context.signal.aborted) replace(section, el('h2', { text: 'Recent invocations' }), failure(error));
  }
}

async function drawDetails(section, name, context) {
  let f;
  try {
    f = await json('/v1/functions/' + encodeURIComponent(name));
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return;
    if (!context.signal.aborted) replace(section, failure(error));
    return;
  }
  const spec = Object.entries(f)
    .filter(([key]) => !['instances', 'revisions', 'name'].includes(key))
    .map(([key, value]) => [key, el('code', { text: typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value) })]);
  const instances = (f.instances ?? []).map((i) => el('tr', {},
    el('td', { text: i.id }), el('td', { class: 'num', text: count(i.revision) }), el('td', { text: i.state }),
    el('td', { class: 'num', text: count(i.inFlight) }), el('td', {}, when(i.startedAt))));
  const revisions = (f.revisions ?? []).map((r) => el('tr', {},
    el('td', { class: 'num', text: count(r.revision) }), el('td', {}, el('code', { text: r.image })),
    el('td', { text: r.handler }), el('td', {}, when(r.deployedAt))));
  replace(section,
    el('h2', { text: 'Instances' }),
    instances.length ? table(['Id', 'Revision', 'State', 'In flight', 'Started'], instances, 'instances-table') : noData('No instance running.'),
    el('h2', { text: 'Revisions' }),
    table(['Revision', 'Image', 'Handler', 'Deployed'], revisions, 'revisions-table'),
    el('h2', { text: 'Spec' }),
    facts(spec));
}

function table(headers, rows, id) {
  return el('table', { class: 'grid', id },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { text: h })))), el('tbody', {}, rows));
}
