// The functions page: one row per function the key may call, with its revision, live instances
// and last hour's figures, sortable, refreshed every few seconds.
import { json, optional, session } from '../api.js';
import { el, replace, link, ms, count, noData, failure } from '../dom.js';

const REFRESH_MS = 5000;

/** [label, key, value of a row] for each column. */
const COLUMNS = [
  ['Function', 'name', (r) => r.name],
  ['Revision', 'revision', (r) => r.revision],
  ['Starting', 'starting', (r) => r.instances?.starting],
  ['Idle', 'idle', (r) => r.instances?.idle],
  ['Busy', 'busy', (r) => r.instances?.busy],
  ['Calls 1h', 'calls', (r) => r.calls],
  ['Errors 1h', 'errors', (r) => r.errors],
  ['p50', 'p50Ms', (r) => r.p50Ms],
  ['p99', 'p99Ms', (r) => r.p99Ms],
  ['Cold starts 1h', 'coldStarts', (r) => r.coldStarts],
];

let sort = { key: 'name', descending: false };

export async function render(view, params, context) {
  const table = el('div', { id: 'functions' });
  const updated = el('span', { class: 'muted', id: 'updated' });
  replace(view, el('div', { class: 'title' }, el('h1', { text: 'Functions' }), updated), table);
  let rows = [];
  const draw = () => replace(table, rows.length ? tableOf(rows, draw) : noData('No functions deployed.'));
  const refresh = async () => {
    try {
      const found = await load();
      rows = found.rows;
      draw();
      if (!found.stats) table.prepend(noData('no data: this runtime has no statistics (/v1/stats/functions)'));
      updated.textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (error) {
      if (!context.signal.aborted) replace(table, failure(error));
    }
  };
  await refresh();
  context.every(REFRESH_MS, refresh);
}

/** The rows from the stats endpoint, or from the admin function list when it is missing. */
async function load() {
  const stats = await optional('/v1/stats/functions?window=1h');
  if (stats) return { stats: true, rows: stats.functions };
  if (!session.admin()) return { stats: false, rows: [] };
  const list = await json('/v1/functions');
  return { stats: false, rows: list.functions.map(fromSpec) };
}

function fromSpec(f) {
  const instances = { starting: 0, idle: 0, busy: 0 };
  for (const i of f.instances ?? []) {
    if (i.state === 'starting') instances.starting++;
    // A paused instance serves nothing until a call resumes it; the stats endpoint leaves it out too.
    else if (i.state === 'paused') continue;
    else if (i.inFlight > 0) instances.busy++;
    else instances.idle++;
  }
  return { name: f.name, revision: f.revision, instances, description: f.description ?? null };
}

function tableOf(rows, redraw) {
  const column = COLUMNS.find((c) => c[1] === sort.key) ?? COLUMNS[0];
  const sorted = [...rows].sort((a, b) => compare(column[2](a), column[2](b)) * (sort.descending ? -1 : 1));
  const head = el('tr', {}, COLUMNS.map(([label, key]) => el('th', {
    'aria-sort': sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none',
  }, el('button', {
    type: 'button', class: 'sort', 'data-sort': key, text: label + (sort.key === key ? (sort.descending ? ' ▾' : ' ▴') : ''),
    onclick: () => { sort = { key, descending: sort.key === key ? !sort.descending : false }; redraw(); },
  }))));
  const body = sorted.map((r) => el('tr', { 'data-name': r.name },
    el('td', {}, link(r.name, 'functions', r.name), r.description ? el('div', { class: 'muted small', text: r.description }) : null),
    el('td', { class: 'num', text: count(r.revision) }),
    el('td', { class: 'num', text: count(r.instances?.starting) }),
    el('td', { class: 'num', text: count(r.instances?.idle) }),
    el('td', { class: 'num', text: count(r.instances?.busy) }),
    el('td', { class: 'num', text: count(r.calls) }),
    el('td', { class: 'num' + (r.errors > 0 ? ' bad' : ''), text: count(r.errors) }),
    el('td', { class: 'num', text: ms(r.p50Ms) }),
    el('td', { class: 'num', text: ms(r.p99Ms) }),
    el('td', { class: 'num', text: count(r.coldStarts) })));
  return el('table', { id: 'functions-table', class: 'grid' }, el('thead', {}, head), el('tbody', {}, body));
}

function compare(a, b) {
  if (a == null) return b == null ? 0 : 1;
  if (b == null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}
