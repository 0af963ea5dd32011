// Users for administrators: every user with their roles per business unit and their state; create a user,
// edit one (name, e-mail, roles, administrator, enabled) and reset a password. Bad input is shown next to
// its field from the API's problem+json (forms.js).
import { submitting } from '/console/forms.js';
import { problemText as message } from '/console/dom.js';
import { listTools } from '/console/tables.js';

const ROLES = [
  ['viewer', 'Viewer'],
  ['key-account-manager', 'Key account manager'],
  ['bu-admin', 'Business unit admin']
];

export async function render(element, context) {
  const { el, api } = context;
  const status = el('p', { role: 'status', class: 'status' });
  const list = el('div', {});
  const editor = el('div', {});
  const createPanel = el('section', { class: 'panel', 'aria-labelledby': 'user-create-title' });
  element.replaceChildren(el('h1', {}, 'Users'), status, createPanel, editor, list);

  const units = await api('/business-units');
  const refresh = async () => {
    const users = await api('/users');
    list.replaceChildren(usersTable(users));
  };

  function usersTable(users) {
    const sorted = [...users].sort((a, b) => a.username.localeCompare(b.username));
    return el('section', { class: 'panel', 'aria-labelledby': 'users-title' },
      el('h2', { id: 'users-title' }, 'All users'),
      listTools(el, el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'All users' },
        el('table', { id: 'users' },
        el('caption', {}, `${sorted.length} users`),
        el('thead', {}, el('tr', {}, ['User name', 'Name', 'E-mail', 'Roles', 'State', 'Actions']
          .map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, sorted.map(u => el('tr', { 'data-user': u.username },
          el('th', { scope: 'row' }, u.username),
          el('td', {}, u.displayName || ''),
          el('td', {}, u.email || ''),
          el('td', { class: 'wrap' }, rolesText(u)),
          el('td', {}, el('span', { class: u.enabled ? 'state-badge' : 'state-badge off' }, u.enabled ? 'Enabled' : 'Disabled')),
          el('td', { class: 'actions' }, actions(u)))))), { fileName: 'users' })));
  }

  function rolesText(user) {
    const parts = Object.entries(user.grants || {}).map(([unit, roles]) =>
      `${unitName(unit)}: ${roles.map(r => roleName(r)).join(', ')}`);
    if (user.admin) {
      parts.unshift('Administrator (all units)');
    }
    return parts.length ? parts.join('; ') : 'No roles';
  }

  function unitName(id) {
    return (units.find(u => u.id === id) || { name: id }).name;
  }

  function actions(user) {
    const edit = el('button', { type: 'button', class: 'secondary small', 'aria-label': `Edit ${user.username}` },
      'Edit');
    edit.addEventListener('click', () => openEditor(user, edit));
    const toggle = el('button', { type: 'button', class: 'secondary small',
      'aria-label': `${user.enabled ? 'Disable' : 'Enable'} ${user.username}` }, user.enabled ? 'Disable' : 'Enable');
    toggle.addEventListener('click', async () => {
      toggle.disabled = true;
      try {
        await api('/users/' + encodeURIComponent(user.id), { method: 'PATCH',
          headers: { 'If-Match': `"${user.version}"` }, json: { enabled: !user.enabled } });
        status.textContent = `${user.username} is ${user.enabled ? 'disabled' : 'enabled'}.`;
        await refresh();
      } catch (error) {
        toggle.disabled = false;
        status.textContent = `${user.username} could not be changed: ${message(error)}`;
      }
    });
    return [edit, ' ', toggle];
  }

  /** The fields of a user form; prefix keeps ids unique between the create and the edit form. */
  function userForm(prefix, user) {
    const id = name => `${prefix}-${name}`;
    const text = (name, label, type, attributes = {}, hint = null) => el('div', { class: 'field' },
      el('label', { for: id(name) }, label),
      el('input', { id: id(name), name, type, value: user ? user[name] || '' : '', ...attributes }),
      hint ? el('p', { id: id(name + '-hint'), class: 'hint-inline' }, hint) : null);
    const check = (name, label, checked) => el('div', { class: 'check' },
      el('input', { id: id(name), name, type: 'checkbox', checked }),
      el('label', { for: id(name) }, label));
    const grants = el('fieldset', {},
      el('legend', {}, 'Roles per business unit'),
      el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Business unit'),
          ROLES.map(([, label]) => el('th', { scope: 'col' }, label)))),
        el('tbody', {}, units.map(unit => el('tr', {},
          el('th', { scope: 'row' }, unit.name),
          ROLES.map(([role, label]) => {
            const checkId = id(`grant-${unit.id}-${role}`);
            const has = user && (user.grants[unit.id] || []).includes(role);
            return el('td', {},
              el('label', { for: checkId, class: 'visually-hidden' }, `${label} in ${unit.name}`),
              el('input', { id: checkId, type: 'checkbox', name: 'grants.' + unit.id, value: role, checked: has }));
          })))))));
    return {
      fields: [
        el('div', { class: 'form-grid' },
          user ? null : text('username', 'User name', 'text', { autocomplete: 'off', required: true,
            'aria-describedby': id('username-hint') }, '2 to 64 lower-case letters, digits, ".", "_", "@" or "-".'),
          text('displayName', 'Name', 'text', { autocomplete: 'off' }),
          text('email', 'E-mail', 'email', { autocomplete: 'off' }),
          text('password', user ? 'New password (leave empty to keep it)' : 'Password', 'password',
            { autocomplete: 'new-password', required: !user, value: '' })),
        check('admin', 'Administrator of all business units', user ? user.admin : false),
        user ? check('enabled', 'Enabled (may sign in)', user.enabled) : null,
        grants
      ],
      read(form) {
        const body = {
          displayName: form.elements.displayName.value.trim() || null,
          email: form.elements.email.value.trim() || null,
          admin: form.elements.admin.checked,
          grants: {}
        };
        if (!user) {
          body.username = form.elements.username.value.trim();
        }
        if (user) {
          body.enabled = form.elements.enabled.checked;
        }
        if (form.elements.password.value || !user) {
          body.password = form.elements.password.value;
        }
        for (const unit of units) {
          const roles = [...form.querySelectorAll(`input[name="grants.${CSS.escape(unit.id)}"]:checked`)]
            .map(c => c.value);
          if (roles.length) {
            body.grants[unit.id] = roles;
          }
        }
        return body;
      }
    };
  }

  function showCreate() {
    const parts = userForm('new-user');
    const form = el('form', { id: 'create-user', novalidate: true },
      parts.fields, el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create user')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const created = await submitting(form, () => api('/users', { method: 'POST', json: parts.read(form) }),
        { labels: { username: 'User name', displayName: 'Name', email: 'E-mail', password: 'Password' } });
      if (created) {
        status.textContent = `User ${created.username} created.`;
        showCreate();
        await refresh();
      }
    });
    createPanel.replaceChildren(el('h2', { id: 'user-create-title' }, 'Create a user'), form);
  }

  function openEditor(user, opener) {
    const parts = userForm('edit-user', user);
    const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = el('form', { id: 'edit-user', novalidate: true }, parts.fields,
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Save changes'), cancel));
    const close = () => {
      editor.replaceChildren();
      if (opener && opener.isConnected) {
        opener.focus();
      }
    };
    cancel.addEventListener('click', close);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const saved = await submitting(form, () => api('/users/' + encodeURIComponent(user.id), { method: 'PATCH',
        headers: { 'If-Match': `"${user.version}"` }, json: parts.read(form) }));
      if (saved) {
        status.textContent = `${saved.username} saved.`;
        editor.replaceChildren();
        await refresh();
      }
    });
    const title = el('h2', { id: 'user-edit-title', tabindex: '-1' }, `Edit ${user.username}`);
    editor.replaceChildren(el('section', { class: 'panel', 'aria-labelledby': 'user-edit-title' }, title, form));
    title.focus();
  }

  showCreate();
  await refresh();
}

function roleName(role) {
  const found = ROLES.find(([key]) => key === role);
  return found ? found[1] : role;
}
