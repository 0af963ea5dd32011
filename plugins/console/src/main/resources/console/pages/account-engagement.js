// The day-to-day work on an account 360: its team (add and remove members), its follow-ups (add one, mark one
// done) and logging an activity with the customer's people, which answers with coordination warnings when a
// colleague met the same person lately.
import { submitting } from '../forms.js';
import { dataTable } from '../tables.js';

const ACTIVITY_TYPES = ['call', 'meeting', 'visit', 'email'];
const TEAM_FUNCTIONS = ['key-account-manager', 'sales', 'field-service', 'specialist', 'executive-sponsor'];

/** The account's open follow-ups with a done button each, and a form to add one; refresh() draws it again. */
export async function followUps(context, path, people, refresh) {
  const { el, api } = context;
  const all = await api(path + '/follow-ups');
  const open = all.filter(f => f.status === 'open');
  const today = new Date().toISOString().slice(0, 10);
  const rows = await Promise.all(open.map(async f => {
    const done = el('button', { type: 'button', class: 'secondary' }, 'Mark done',
      el('span', { class: 'visually-hidden' }, ': ' + f.title));
    done.addEventListener('click', async () => {
      done.disabled = true;
      try {
        await api(path + '/follow-ups/' + encodeURIComponent(f.id), { method: 'PATCH', json: { status: 'done' },
          headers: { 'If-Match': `"${f.version}"` } });
        await refresh('The follow-up is done.');
      } catch (error) {
        done.disabled = false;
        done.after(el('span', { class: 'error', role: 'alert' }, ' ', (error.problem && error.problem.detail) || error.message));
      }
    });
    return [f.title, el('span', { class: f.dueDate < today ? 'gap' : '' }, f.dueDate, f.dueDate < today ? ' (overdue)' : ''),
      await people(f.owner), done];
  }));
  const title = el('input', { id: 'follow-up-title', name: 'title', type: 'text', maxlength: '200', required: true });
  const due = el('input', { id: 'follow-up-dueDate', name: 'dueDate', type: 'date', required: true });
  const form = el('form', { class: 'inline-form', 'aria-labelledby': 'follow-up-form-title', novalidate: true },
    el('h3', { id: 'follow-up-form-title' }, 'Add a follow-up'),
    el('div', { class: 'toolbar' },
      el('div', { class: 'field' }, el('label', { for: 'follow-up-title' }, 'What is to be done'), title),
      el('div', { class: 'field' }, el('label', { for: 'follow-up-dueDate' }, 'Due'), due),
      el('button', { type: 'submit' }, 'Add follow-up')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = { title: title.value.trim() };
    if (due.value) {
      body.dueDate = due.value;
    }
    if (await submitting(form, () => api(path + '/follow-ups', { method: 'POST', json: body }))) {
      await refresh('The follow-up was added.');
    }
  });
  return el('section', { class: 'follow-ups', 'aria-labelledby': 'follow-ups-title' },
    el('h2', { id: 'follow-ups-title' }, 'Open follow-ups'),
    dataTable(el, 'Open follow-ups, most urgent first', ['Follow-up', 'Due', 'Owner', 'Action'], rows,
      { empty: 'No open follow-ups.' }),
    form);
}

/** A form to log (or plan) an activity with some of the account's contacts. */
export async function activityForm(context, path, refresh) {
  const { el, api } = context;
  const contacts = await api(path + '/contacts');
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  const select = (name, label, values) => el('div', { class: 'field' },
    el('label', { for: 'activity-' + name }, label),
    el('select', { id: 'activity-' + name, name }, values.map(v => el('option', { value: v }, v))));
  const form = el('form', { class: 'inline-form', 'aria-labelledby': 'activity-form-title', novalidate: true },
    el('h3', { id: 'activity-form-title' }, 'Log an activity'),
    el('div', { class: 'toolbar' },
      select('type', 'Type', ACTIVITY_TYPES),
      select('status', 'Status', ['done', 'planned']),
      el('div', { class: 'field' }, el('label', { for: 'activity-subject' }, 'Subject'),
        el('input', { id: 'activity-subject', name: 'subject', type: 'text', maxlength: '200', required: true })),
      el('div', { class: 'field' }, el('label', { for: 'activity-occurredAt' }, 'When'),
        el('input', { id: 'activity-occurredAt', name: 'occurredAt', type: 'datetime-local', value: local }))),
    el('fieldset', { class: 'contacts' }, el('legend', {}, 'With'),
      el('input', { type: 'hidden', name: 'contactIds' }),
      contacts.length ? contacts.map(c => el('label', { class: 'check' },
        el('input', { type: 'checkbox', value: c.id, 'data-contact': c.id }), ' ', [c.firstName, c.lastName].filter(Boolean).join(' '), c.jobTitle ? ` (${c.jobTitle})` : ''))
        : el('p', {}, 'No contacts are known at this customer yet.')),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Log activity')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const when = form.elements.occurredAt.value;
    const body = {
      type: form.elements.type.value,
      status: form.elements.status.value,
      subject: form.elements.subject.value.trim(),
      contactIds: [...form.querySelectorAll('input[data-contact]:checked')].map(c => c.value)
    };
    if (when) {
      body.occurredAt = new Date(when).toISOString();
    }
    const recorded = await submitting(form, () => api(path + '/activities', { method: 'POST', json: body }));
    if (recorded) {
      const warnings = recorded.coordinationWarnings || [];
      await refresh(warnings.length ? 'The activity was logged. Coordinate with your colleagues: '
        + warnings.map(w => w.message).join(' ') : 'The activity was logged.');
    }
  });
  return form;
}

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
