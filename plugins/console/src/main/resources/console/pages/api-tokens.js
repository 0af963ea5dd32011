// The signed-in user's API tokens for integrator scripts: list, create one (its secret is shown once, with a
// copy button), revoke (after a confirmation step).
import { submitting } from '/console/forms.js';
import { problemText as message } from '/console/dom.js';
import { count, moment } from '/console/format.js';
import { listTools } from '/console/tables.js';

export async function render(element, context) {
  const { el, api } = context;
  const status = el('p', { role: 'status', class: 'status' });
  const issued = el('div', {});
  const list = el('div', {});
  const name = el('input', { id: 'token-name', name: 'name', type: 'text', autocomplete: 'off', maxlength: '100',
    required: true, 'aria-describedby': 'token-name-hint' });
  const form = el('form', { id: 'create-token', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'token-name' }, 'Token name'), name,
      el('p', { id: 'token-name-hint', class: 'hint-inline' }, 'What the token is for, e.g. "CRM sync".')),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create token')));
  element.replaceChildren(
    el('h1', {}, 'API tokens'),
    el('p', { class: 'lead' }, 'Tokens let scripts call the API as ', context.session.username,
      ' with the header Authorization: Bearer <token>. Treat a token like a password.'),
    status,
    el('section', { class: 'panel', 'aria-labelledby': 'token-create-title' },
      el('h2', { id: 'token-create-title' }, 'Create a token'), form, issued),
    list);

  const refresh = async () => {
    const tokens = await api('/auth/tokens');
    list.replaceChildren(tokensTable(tokens));
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    issued.replaceChildren();
    const token = await submitting(form, () => api('/auth/tokens', { method: 'POST',
      json: { name: name.value.trim() || null } }), { labels: { name: 'Token name' } });
    if (token) {
      form.reset();
      issued.replaceChildren(secretNotice(token));
      issued.querySelector('input').focus();
      issued.querySelector('input').select();
      await refresh();
    }
  });

  function secretNotice(token) {
    const secret = el('input', { id: 'token-secret', type: 'text', readonly: true, value: token.token,
      'aria-describedby': 'token-secret-note' });
    const copy = el('button', { type: 'button', class: 'secondary' }, 'Copy');
    const copied = el('span', { role: 'status' });
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(token.token);
      } catch (e) {
        secret.select();
        document.execCommand('copy');
      }
      copied.textContent = 'Copied.';
    });
    return el('div', { class: 'notice', id: 'token-issued' },
      el('p', { id: 'token-secret-note' }, el('strong', {}, `Token "${token.name}" created. `),
        'Copy its secret now: it is shown only this once.'),
      el('div', { class: 'secret' },
        el('div', { class: 'field' }, el('label', { for: 'token-secret' }, 'Secret'), secret), copy, copied));
  }

  function tokensTable(tokens) {
    const when = value => value ? moment(value) : 'Never';
    return el('section', { class: 'panel', 'aria-labelledby': 'tokens-title' },
      el('h2', { id: 'tokens-title' }, 'My tokens'),
      tokens.length === 0 ? el('p', {}, 'You have no tokens.') :
        listTools(el, el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'My tokens' },
          el('table', { id: 'tokens' },
          el('caption', {}, count(tokens.length, 'token', 'tokens')),
          el('thead', {}, el('tr', {}, ['Name', 'Created', 'Last used', 'Actions']
            .map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, tokens.map(t => el('tr', { 'data-token': t.name },
            el('th', { scope: 'row' }, t.name),
            el('td', { 'data-value': t.createdAt }, when(t.createdAt)),
            el('td', { 'data-value': t.lastUsedAt || '' }, when(t.lastUsedAt)),
            el('td', { class: 'actions' }, revokeControl(t)))))), { fileName: 'api tokens' })));
  }

  function revokeControl(token) {
    const cell = el('span', { class: 'actions' });
    const ask = el('button', { type: 'button', class: 'secondary small', 'aria-label': `Revoke ${token.name}` },
      'Revoke');
    ask.addEventListener('click', () => {
      const confirm = el('button', { type: 'button', class: 'danger small',
        'aria-label': `Confirm revoking ${token.name}` }, 'Confirm revoke');
      const cancel = el('button', { type: 'button', class: 'secondary small' }, 'Cancel');
      cancel.addEventListener('click', () => {
        cell.replaceChildren(ask);
        ask.focus();
      });
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        try {
          await api('/auth/tokens/' + encodeURIComponent(token.id), { method: 'DELETE' });
        } catch (error) {
          confirm.disabled = false;
          status.textContent = `Token ${token.name} could not be revoked: ${message(error)}`;
          return;
        }
        // announced once the list no longer shows it; a list that cannot be read now still shows it until reloaded
        await refresh().catch(() => {});
        status.textContent = `Token ${token.name} revoked.`;
        form.querySelector('input').focus();
      });
      cell.replaceChildren(confirm, cancel);
      confirm.focus();
    });
    cell.append(ask);
    return cell;
  }

  await refresh();
}
