// The form for one contact of the buying center: a new one, or one picked on the org chart to change or delete.
// Reports-to is chosen from the account's other contacts (never from those under the contact, which would make a
// cycle); the relationship owner from the account team. Deleting first says whose reporting line it cuts.
import { submitting, showProblem } from '../forms.js';
import { explainingConflicts, ifMatch, offerReload } from './edit-conflict.js';

export const ROLES = [
  ['economic-buyer', 'Economic buyer'],
  ['decision-maker', 'Decision maker'],
  ['technical-buyer', 'Technical buyer'],
  ['user', 'User'],
  ['influencer', 'Influencer'],
  ['gatekeeper', 'Gatekeeper'],
  ['coach', 'Coach']
];
const ATTITUDES = ['advocate', 'supporter', 'neutral', 'skeptic', 'hostile'];
const INFLUENCE = ['1 – little', '2', '3', '4', '5 – decisive'];
const STRENGTH = ['1 – weak', '2', '3', '4', '5 – trusted'];

export function fullName(contact) {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

/** The ids of the contacts under id, by reporting line, however deep. */
export function reportsUnder(contacts, id) {
  const under = new Set();
  const walk = managerId => {
    for (const c of contacts) {
      if (c.reportsTo === managerId && !under.has(c.id)) {
        under.add(c.id);
        walk(c.id);
      }
    }
  };
  walk(id);
  return under;
}

/**
 * The contact form. contact: the contact to change, or null for a new one; contacts: all of the account's;
 * team: [{ userId, name }]; done(message): called after a save or delete; cancel(): closes the form; reload(id):
 * opens the contact's stored version after someone else changed it.
 */
export function contactForm(context, path, { contact, contacts, team, done, cancel, reload }) {
  const { el, api } = context;
  const editing = Boolean(contact);
  const c = contact || { roles: [] };
  const text = (name, label, attributes = {}) => el('div', { class: 'field' },
    el('label', { for: 'contact-' + name }, label),
    el('input', { id: 'contact-' + name, name, type: 'text', value: c[name] || '', ...attributes }));
  const choice = (name, label, options, emptyLabel) => el('div', { class: 'field' },
    el('label', { for: 'contact-' + name }, label),
    el('select', { id: 'contact-' + name, name },
      el('option', { value: '' }, emptyLabel),
      options.map(([value, title]) => el('option', { value, selected: String(c[name] ?? '') === String(value) }, title))));
  const under = editing ? reportsUnder(contacts, c.id) : new Set();
  const managers = contacts.filter(m => m.id !== c.id && !under.has(m.id))
    .map(m => [m.id, fullName(m) + (m.jobTitle ? ` (${m.jobTitle})` : '')]);
  // an owner who has left the team stays choosable while the contact still names them
  const owners = team.map(t => [t.userId, t.name]);
  if (c.relationshipOwner && !owners.some(([id]) => id === c.relationshipOwner)) {
    owners.push([c.relationshipOwner, 'a former team member']);
  }
  const title = editing ? `Edit ${fullName(c)}` : 'Add a contact';
  const form = el('form', { id: 'contact-form', class: 'inline-form contact-form', 'aria-labelledby': 'contact-form-title',
    novalidate: true, 'data-contact-id': c.id || null },
  el('h3', { id: 'contact-form-title' }, title),
  el('div', { class: 'form-grid' },
    text('firstName', 'First name', { maxlength: '100', autocomplete: 'off' }),
    text('lastName', 'Last name (required)', { maxlength: '100', required: true, autocomplete: 'off' }),
    text('jobTitle', 'Job title', { maxlength: '150' }),
    text('email', 'E-mail', { maxlength: '254', type: 'email', autocomplete: 'off' }),
    text('phone', 'Phone', { maxlength: '40', type: 'tel', autocomplete: 'off' })),
  el('fieldset', { class: 'roles-choice' }, el('legend', {}, 'Buying-center roles'),
    ROLES.map(([value, label]) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'roles', value, checked: (c.roles || []).includes(value) }), ' ', label))),
  el('div', { class: 'form-grid' },
    choice('attitude', 'Attitude towards us', ATTITUDES.map(a => [a, a]), 'Unknown'),
    choice('influence', 'Influence on decisions', INFLUENCE.map((t, i) => [i + 1, t]), 'Unknown'),
    choice('reportsTo', 'Reports to', managers, 'Nobody (top of the chart)'),
    choice('relationshipOwner', 'Relationship owner', owners, 'Nobody'),
    choice('relationshipStrength', 'Relationship strength', STRENGTH.map((t, i) => [i + 1, t]), 'Unknown')),
  el('div', { class: 'actions' },
    el('button', { type: 'submit' }, editing ? 'Save contact' : 'Add contact'),
    el('button', { type: 'button', class: 'secondary', onclick: cancel }, 'Cancel'),
    editing ? el('button', { type: 'button', class: 'secondary danger', onclick: () => confirmDelete() }, 'Delete contact')
      : null),
  el('div', { class: 'delete-confirmation', hidden: true }));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {};
    for (const name of ['firstName', 'lastName', 'jobTitle', 'email', 'phone', 'attitude', 'reportsTo', 'relationshipOwner']) {
      const value = form.elements[name].value.trim();
      if (value) {
        body[name] = value;
      }
    }
    for (const name of ['influence', 'relationshipStrength']) {
      if (form.elements[name].value) {
        body[name] = Number(form.elements[name].value);
      }
    }
    body.roles = [...form.querySelectorAll('input[name="roles"]:checked')].map(r => r.value);
    let conflict = false;
    const saved = await submitting(form, explainingConflicts('this contact', () => editing
      ? api(path + '/contacts/' + encodeURIComponent(c.id), { method: 'PUT', json: body, headers: ifMatch(c.version) })
      : api(path + '/contacts', { method: 'POST', json: body }), () => { conflict = true; }));
    if (conflict) {
      offerReload(form, 'Load their version', () => reload(c.id));
    }
    if (saved) {
      await done(editing ? `${fullName(saved)} was saved.` : `${fullName(saved)} was added to the buying center.`);
    }
  });

  const confirmation = form.querySelector('.delete-confirmation');
  function confirmDelete() {
    const reports = contacts.filter(r => r.reportsTo === c.id);
    const effect = reports.length
      ? `${reports.map(fullName).join(', ')} ${reports.length === 1 ? 'reports' : 'report'} to ${fullName(c)} and will then`
        + ' report to nobody, at the top of the chart.'
      : `Nobody reports to ${fullName(c)}.`;
    const yes = el('button', { type: 'button', class: 'danger' }, 'Confirm delete');
    const no = el('button', { type: 'button', class: 'secondary' }, 'Keep the contact');
    confirmation.replaceChildren(
      el('p', { role: 'alert' }, `Delete ${fullName(c)} from the buying center? `, effect,
        ' Their activities stay, without them.'),
      el('div', { class: 'actions' }, yes, no));
    confirmation.hidden = false;
    no.addEventListener('click', () => {
      confirmation.hidden = true;
      confirmation.replaceChildren();
    });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await explainingConflicts('this contact', () => api(path + '/contacts/' + encodeURIComponent(c.id),
          { method: 'DELETE', headers: ifMatch(c.version) }))();
        await done(`${fullName(c)} was deleted.` + (reports.length
          ? ` ${reports.map(fullName).join(', ')} now ${reports.length === 1 ? 'reports' : 'report'} to nobody.` : ''));
      } catch (error) {
        if (error.status === 401) {
          throw error;
        }
        yes.disabled = false;
        confirmation.hidden = true;
        showProblem(form, error);
      }
    });
    yes.focus();
  }
  return form;
}
