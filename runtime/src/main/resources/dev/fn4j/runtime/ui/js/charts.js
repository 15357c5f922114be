// Time-series charts of a function's stats buckets, drawn by uPlot (from its WebJar, loaded
// from this runtime on first use so that pages without charts do not fetch it).
import { el } from './dom.js';

const UPLOT = 'lib/uplot/1.6.30/dist/';
let loading = null;

function load() {
  if (window.uPlot) return Promise.resolve(window.uPlot);
  loading ??= new Promise((resolve, reject) => {
    document.head.append(el('link', { rel: 'stylesheet', href: UPLOT + 'uPlot.min.css' }));
    const script = el('script', { src: UPLOT + 'uPlot.iife.min.js' });
    script.addEventListener('load', () => resolve(window.uPlot));
    script.addEventListener('error', () => { loading = null; reject(new Error('cannot load the chart library')); });
    document.head.append(script);
  });
  return loading;
}

/** The charts a function page shows: [title, id, [[series label, bucket field, colour]]]. */
export const CHARTS = [
  ['Calls', 'calls', [['calls', 'calls', '#2f6fdf']]],
  ['Errors', 'errors', [['errors', 'errors', '#d33']]],
  ['Latency (ms)', 'latency', [['p50', 'p50Ms', '#2a9d5c'], ['p99', 'p99Ms', '#e08a00']]],
  ['Cold starts', 'cold-starts', [['cold starts', 'coldStarts', '#8a4fd0']]],
];

/**
 * Draws one chart into container from the buckets of /v1/functions/{name}/stats (oldest first),
 * an empty one when buckets is empty. Returns the uPlot instance.
 */
export async function draw(container, [, id, series], buckets, windowSeconds) {
  const uPlot = await load();
  const now = Date.now() / 1000;
  const xs = buckets.length ? buckets.map((b) => Date.parse(b.start) / 1000) : [now - windowSeconds, now];
  const ys = series.map(([, field]) => (buckets.length ? buckets.map((b) => b[field]) : [null, null]));
  const options = {
    width: Math.max(280, container.clientWidth || 420),
    height: 170,
    // Percentiles are null in idle buckets, so a busy bucket between idle ones has no line: a dot shows it.
    series: [{}, ...series.map(([label, field, stroke]) =>
      ({ label, stroke, width: 1.5, spanGaps: false, points: { show: field.endsWith('Ms'), size: 5 } }))],
    axes: [{}, { size: 48 }],
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max ?? 1)] } },
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
  };
  container.replaceChildren();
  container.dataset.chart = id;
  container.dataset.points = String(buckets.length);
  // The sum of the chart's first series, so that a test (or a curious reader) sees it drew data.
  container.dataset.total = String(ys[0].reduce((sum, y) => sum + (y ?? 0), 0));
  return new uPlot(options, [xs, ...ys], container);
}
