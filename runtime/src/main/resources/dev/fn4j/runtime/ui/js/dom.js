// Builds DOM nodes. Text only ever goes in through textContent or text nodes, never as markup,
// so names, log lines, results and errors from functions render literally.

/** An element with properties ({class, text, on<event>, attributes}) and children (nodes or text). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = String(value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends nodes and strings (as text) to a parent, skipping null and false. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Empties a node and fills it again. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A link to a page of the dashboard; every part of the path is URL-encoded. */
export function link(text, ...parts) {
  return el('a', { href: '#/' + parts.map(encodeURIComponent).join('/'), text });
}

/** A milliseconds figure for people: "0.42 ms", "12 ms", "1.3 s"; a dash when absent. */
export function ms(value) {
  if (value == null) return '—';
  if (value >= 1000) return (value / 1000).toFixed(1) + ' s';
  return (value < 10 ? value.toFixed(2) : Math.round(value)) + ' ms';
}

/** A count, or a dash when absent. */
export function count(value) {
  return value == null ? '—' : String(value);
}

/** How long ago an ISO time was, with the exact time as a tooltip. */
export function when(iso) {
  if (!iso) return el('span', { text: '—' });
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  const text = seconds < 60 ? seconds + ' s ago'
    : seconds < 3600 ? Math.round(seconds / 60) + ' min ago'
      : seconds < 86400 ? Math.round(seconds / 3600) + ' h ago' : Math.round(seconds / 86400) + ' d ago';
  return el('time', { datetime: iso, title: iso, text });
}

/** A status badge: succeeded, failed, running, … */
export function badge(status) {
  return el('span', { class: 'badge badge-' + String(status).replace(/[^a-z_]/g, ''), text: status });
}

/** A definition list from [label, value] pairs. */
export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.map(([label, value]) => [el('dt', { text: label }), el('dd', {}, value)]));
}

/** A message that a figure or a list has nothing in it. */
export function noData(text = 'no data') {
  return el('p', { class: 'muted no-data', text });
}

/** An error shown in place of what could not be loaded. */
export function failure(error) {
  return el('p', { class: 'error', role: 'alert', text: error.message || String(error) });
}
