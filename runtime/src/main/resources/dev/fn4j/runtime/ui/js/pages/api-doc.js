// The API page: /v1/openapi.json rendered as operations grouped by tag, each with its scope,
// parameters, request body and responses, then the schemas; all as text.
import { optional } from '../api.js';
import { el, replace, noData } from '../dom.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export async function render(view) {
  const doc = await optional('/v1/openapi.json');
  if (!doc) {
    replace(view, el('h1', { text: 'API' }), noData('no data: this runtime does not publish /v1/openapi.json'));
    return;
  }
  const groups = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag).push({ path, method, op, shared: item.parameters ?? [] });
    }
  }
  replace(view,
    el('div', { class: 'title' }, el('h1', { text: (doc.info?.title ?? 'API') + ' ' + (doc.info?.version ?? '') }),
      el('a', { href: '/v1/openapi.json', text: 'openapi.json' })),
    doc.info?.description ? el('p', { text: doc.info.description }) : null,
    el('p', { class: 'muted', text: 'OpenAPI ' + (doc.openapi ?? '?') + ' · ' + [...groups.values()].flat().length + ' operations' }),
    [...groups].map(([tag, ops]) => el('section', { class: 'api-tag' }, el('h2', { text: tag }), ops.map(operation))),
    schemas(doc.components?.schemas ?? {}));
}

function operation({ path, method, op, shared }) {
  const parameters = [...shared, ...(op.parameters ?? [])];
  return el('details', { class: 'operation' },
    el('summary', {},
      el('span', { class: 'method method-' + method, text: method.toUpperCase() }), ' ',
      el('code', { text: path }), ' ', el('span', { text: op.summary ?? '' }), ' ',
      el('span', { class: 'badge', text: scopeOf(op) })),
    op.description ? el('p', { text: op.description }) : null,
    parameters.length ? el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, ['Parameter', 'In', 'Required', 'Schema', 'Description'].map((h) => el('th', { text: h })))),
      el('tbody', {}, parameters.map((p) => el('tr', {},
        el('td', {}, el('code', { text: p.name ?? ref(p) })), el('td', { text: p.in ?? '' }),
        el('td', { text: p.required ? 'yes' : 'no' }), el('td', { text: schemaName(p.schema) }),
        el('td', { text: p.description ?? '' }))))) : null,
    op.requestBody ? el('p', {}, 'Request body: ', content(op.requestBody.content)) : null,
    el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, ['Status', 'Description', 'Body'].map((h) => el('th', { text: h })))),
      el('tbody', {}, Object.entries(op.responses ?? {}).map(([status, r]) => el('tr', {},
        el('td', { text: status }), el('td', { text: r.description ?? ref(r) }), el('td', {}, content(r.content)))))));
}

/** The scope an operation needs: an x-fn4j-scope extension, else its security requirement. */
function scopeOf(op) {
  if (op['x-fn4j-scope']) return op['x-fn4j-scope'];
  if (Array.isArray(op.security) && op.security.length === 0) return 'open';
  const scopes = (op.security ?? []).flatMap((s) => Object.values(s).flat());
  return scopes.length ? scopes.join(', ') : 'key';
}

function content(map) {
  if (!map) return '';
  return Object.entries(map).map(([type, media]) => type + (media.schema ? ' ' + schemaName(media.schema) : '')).join('; ');
}

function schemaName(schema) {
  if (!schema) return '';
  if (schema.$ref) return schema.$ref.split('/').pop();
  if (schema.type === 'array') return schemaName(schema.items) + '[]';
  return [].concat(schema.type ?? 'object').join(' | ') + (schema.enum ? ' (' + schema.enum.join(', ') + ')' : '');
}

function ref(object) {
  return object?.$ref ? object.$ref.split('/').pop() : '';
}

function schemas(map) {
  const names = Object.keys(map).sort();
  if (!names.length) return null;
  return el('section', {}, el('h2', { text: 'Schemas' }), names.map((name) => el('details', { class: 'schema' },
    el('summary', {}, el('code', { text: name })), el('pre', { text: JSON.stringify(map[name], null, 2) }))));
}
