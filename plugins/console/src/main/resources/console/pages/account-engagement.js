// The account 360's team: who serves the account in which function (add and remove members). Follow-ups are in
// account-follow-ups.js, activities in account-activities.js and activity-form.js.
import { submitting } from '../forms.js';
import { dataTable } from '../tables.js';

const TEAM_FUNCTIONS = ['key-account-manager', 'sales', 'field-service', 'specialist', 'executive-sponsor'];

/** The account team as a table with a remove button per member, and a form to add a member. */
export async function teamEditor(context, path, people, refresh) {
  const { el, api } = context;
  const [members, users] = await Promise.all([api(path + '/team'), api('/users').catch(() => [])]);
  const rows = await Promise.all(members.map(async m => {
    const name = await people(m.userId);
    const remove = el('button', { type: 'button', class: 'secondary' }, 'Remove',
      el('span', { class: 'visually-hidden' }, ` ${name} (${m.function})`));
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      try {
        await api(path + '/team/' + encodeURIComponent(m.id), { method: 'DELETE', headers: { 'If-Match': `"${m.version}"` } });
        await refresh(`${name} left the team.`);
      } catch (error) {
        remove.disabled = false;
        remove.after(el('span', { class: 'error', role: 'alert' }, ' ', (error.problem && error.problem.detail) || error.message));
      }
    });
    return [name, m.function, m.responsible ? 'yes' : 'no', remove];
  }));
  const candidates = users.filter(u => u.enabled !== false);
  const form = el('form', { class: 'inline-form', 'aria-labelledby': 'member-form-title', novalidate: true },
    el('h3', { id: 'member-form-title' }, 'Add a team member'),
    el('div', { class: 'toolbar' },
      el('div', { class: 'field' }, el('label', { for: 'member-userId' }, 'Colleague'),
        el('select', { id: 'member-userId', name: 'userId' }, el('option', { value: '' }, 'Choose…'),
          candidates.map(u => el('option', { value: u.id }, u.displayName ? `${u.displayName} (${u.username})` : u.username)))),
      el('div', { class: 'field' }, el('label', { for: 'member-function' }, 'Function'),
        el('select', { id: 'member-function', name: 'function' }, TEAM_FUNCTIONS.map(f => el('option', { value: f }, f)))),
      el('div', { class: 'field checkbox' }, el('input', { id: 'member-responsible', name: 'responsible', type: 'checkbox' }),
        el('label', { for: 'member-responsible' }, 'Responsible for the function')),
      el('button', { type: 'submit' }, 'Add member')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { userId: form.elements.userId.value, function: form.elements.function.value,
      responsible: form.elements.responsible.checked };
    if (await submitting(form, () => api(path + '/team', { method: 'POST', json: body }))) {
      await refresh('The team member was added.');
    }
  });
  return el('section', { 'aria-labelledby': 'team-title' },
    el('h2', { id: 'team-title' }, 'Account team'),
    dataTable(el, 'Account team', ['Member', 'Function', 'Responsible', 'Action'], rows,
      { empty: 'Nobody is on the team yet.' }),
    form);
}
