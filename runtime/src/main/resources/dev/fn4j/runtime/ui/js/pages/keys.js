// API keys (admin): the list, creating one (its secret shown this once) and revoking one.
import { json } from '../api.js';
import { el, replace, when, failure } from '../dom.js';

export async function render(view, params, context) {
  const list = el('section', { id: 'keys' });
  const created = el('div', { id: 'created-key' });
  const name = el('input', { id: 'key-name', required: true, maxlength: 100, placeholder: 'ci' });
  const scope = el('select', { id: 'key-scope' },
    el('option', { value: 'invoke', text: 'invoke' }), el('option', { value: 'admin', text: 'admin' }));
  const expires = el('input', { id: 'key-expires', placeholder: '90d (empty: never)', size: 16 });
  const form = el('form', { class: 'card', id: 'create-key' },
    el('h2', { text: 'Create a key' }),
    el('div', { class: 'row' },
      el('label', {}, 'Name ', name), el('label', {}, 'Scope ', scope), el('label', {}, 'Expires in ', expires),
      el('button', { type: 'submit', text: 'Create' })),
    created);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const key = await json('/v1/keys', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: name.value, scope: scope.value, expiresIn: expires.value.trim() || null }) });
      replace(created, el('div', { class: 'secret' },
        el('p', { text: 'The new key, shown this once: copy it now.' }),
        el('code', { id: 'new-key-secret', text: key.key })));
      form.reset();
      await refresh();
    } catch (error) {
      replace(created, failure(error));
    }
  });
  replace(view, el('h1', { text: 'API keys' }), form, list);
  const refresh = async () => {
    try {
      const { keys } = await json('/v1/keys');
      replace(list, el('table', { class: 'grid', id: 'keys-table' },
        el('thead', {}, el('tr', {}, ['Id', 'Name', 'Scope', 'Created', 'Expires', 'Last used', ''].map((h) => el('th', { text: h })))),
        el('tbody', {}, keys.map((k) => el('tr', { 'data-id': k.id },
          el('td', {}, el('code', { text: k.id })), el('td', { text: k.name }), el('td', { text: k.scope }),
          el('td', {}, when(k.createdAt)), el('td', { text: k.expiresAt ?? 'never' }), el('td', {}, when(k.lastUsedAt)),
          el('td', {}, el('button', { type: 'button', class: 'danger', text: 'Revoke', onclick: async () => {
            if (!confirm('Revoke key ' + k.id + ' (' + k.name + ')? It stops working at once.')) return;
            try { await json('/v1/keys/' + encodeURIComponent(k.id), { method: 'DELETE' }); await refresh(); } catch (error) { list.prepend(failure(error)); }
          } })))))));
    } catch (error) {
      if (!context.signal.aborted) replace(list, failure(error));
    }
  };
  await refresh();
}
