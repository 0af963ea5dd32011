// The form to log, plan or change an activity with the customer's people: type, status, subject, when, notes and
// outcome, which contacts it was with and who of the team took part. Before it saves, it asks the API whether a
// colleague met the same people close in time; if so it says so first and saves only on "Save anyway".
import { submitting } from '../forms.js';
import { explainingConflicts, ifMatch, offerReload } from './edit-conflict.js';

const ACTIVITY_TYPES = ['call', 'meeting', 'visit', 'email'];

/** A date-time as the value of an input type=datetime-local, in the browser's time zone. */
function localValue(date) {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/**
 * The form. activity: the one to change, or null for a new one; contacts: the account's; team: [{ userId, name }];
 * done(message) after a save; cancel() ends an edit; reload(id) opens the activity's stored version after someone
 * else changed it.
 */
export function activityForm(context, path, { activity, contacts, team, done, cancel, reload }) {
  const { el, api } = context;
  const editing = Boolean(activity);
  const a = activity || { type: 'call', status: 'done', contactIds: [], participants: [] };
  const select = (name, label, values) => el('div', { class: 'field' },
    el('label', { for: 'activity-' + name }, label),
    el('select', { id: 'activity-' + name, name }, values.map(v => el('option', { value: v, selected: a[name] === v }, v))));
  // role alert only while shown: a hidden alert is still found by whoever looks for alerts
  const warning = el('div', { class: 'coordination-warning', hidden: true });
  const form = el('form', { id: 'activity-form', class: 'inline-form activity-form', 'aria-labelledby': 'activity-form-title',
    novalidate: true, 'data-activity-id': a.id || null },
  el('h3', { id: 'activity-form-title' }, editing ? `Edit the activity "${a.subject}"` : 'Log an activity'),
  el('div', { class: 'toolbar' },
    select('type', 'Type', ACTIVITY_TYPES),
    select('status', 'Status', ['done', 'planned']),
    el('div', { class: 'field' }, el('label', { for: 'activity-subject' }, 'Subject'),
      el('input', { id: 'activity-subject', name: 'subject', type: 'text', maxlength: '200', required: true,
        value: a.subject || '' })),
    el('div', { class: 'field' }, el('label', { for: 'activity-occurredAt' }, 'When'),
      el('input', { id: 'activity-occurredAt', name: 'occurredAt', type: 'datetime-local',
        value: localValue(a.occurredAt ? new Date(a.occurredAt) : new Date()) }))),
  el('div', { class: 'field' }, el('label', { for: 'activity-notes' }, 'Notes and outcome'),
    el('textarea', { id: 'activity-notes', name: 'notes', rows: '3', maxlength: '4000' }, a.notes || '')),
  el('fieldset', { class: 'contacts' }, el('legend', {}, 'With'),
    el('input', { type: 'hidden', name: 'contactIds' }),
    contacts.length ? contacts.map(c => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: c.id, 'data-contact': c.id, checked: a.contactIds.includes(c.id) }), ' ',
      [c.firstName, c.lastName].filter(Boolean).join(' '), c.jobTitle ? ` (${c.jobTitle})` : ''))
      : el('p', {}, 'No contacts are known at this customer yet.')),
  el('fieldset', { class: 'participants' }, el('legend', {}, 'Who of the team took part (nobody ticked: you)'),
    el('input', { type: 'hidden', name: 'participants' }),
    team.map(t => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: t.userId, 'data-participant': t.userId,
        checked: a.participants.includes(t.userId) }), ' ', t.name))),
  warning,
  el('div', { class: 'actions' },
    el('button', { type: 'submit' }, editing ? 'Save activity' : 'Log activity'),
    editing ? el('button', { type: 'button', class: 'secondary', onclick: cancel }, 'Cancel') : null));

  const read = () => {
    const when = form.elements.occurredAt.value;
    const body = {
      type: form.elements.type.value,
      status: form.elements.status.value,
      subject: form.elements.subject.value.trim(),
      contactIds: [...form.querySelectorAll('input[data-contact]:checked')].map(c => c.value),
      participants: [...form.querySelectorAll('input[data-participant]:checked')].map(c => c.value)
    };
    if (form.elements.notes.value.trim()) {
      body.notes = form.elements.notes.value.trim();
    }
    if (when) {
      body.occurredAt = new Date(when).toISOString();
    }
    return body;
  };
  const activityPath = editing ? path + '/activities/' + encodeURIComponent(a.id) : path + '/activities';
  const save = async () => {
    let conflict = false;
    const saved = await submitting(form, explainingConflicts('this activity', () => editing
      ? api(activityPath, { method: 'PUT', json: read(), headers: ifMatch(a.version) })
      : api(activityPath, { method: 'POST', json: read() }), () => { conflict = true; }));
    if (conflict) {
      offerReload(form, 'Load their version', () => reload(a.id));
    }
    if (saved) {
      await done(editing ? 'The activity was saved.' : 'The activity was logged.');
    }
  };
  const hideWarning = () => {
    warning.hidden = true;
    warning.removeAttribute('role');
    warning.replaceChildren();
  };
  form.addEventListener('input', hideWarning);
  form.addEventListener('change', hideWarning);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    hideWarning();
    const check = await submitting(form, () => api(activityPath + '/coordination', { method: 'POST', json: read() }));
    if (!check) {
      return;
    }
    const warnings = check.coordinationWarnings || [];
    if (!warnings.length) {
      await save();
      return;
    }
    const anyway = el('button', { type: 'button', class: 'save-anyway' }, 'Save anyway');
    const change = el('button', { type: 'button', class: 'secondary' }, 'Change the activity');
    anyway.addEventListener('click', () => {
      hideWarning();
      save();
    });
    change.addEventListener('click', () => {
      hideWarning();
      form.elements.subject.focus();
    });
    warning.replaceChildren(el('h4', {}, 'Coordinate with your colleagues first'),
      el('ul', {}, warnings.map(w => el('li', {}, w.message))),
      el('p', {}, 'Nothing is saved yet.'),
      el('div', { class: 'actions' }, anyway, change));
    warning.setAttribute('role', 'alert');
    warning.hidden = false;
    anyway.focus();
  });
  return form;
}
