// The account 360's activities, newest first, each with whom it was with, who of the team took part and its notes
// and outcome; "Edit" opens one in the form, which otherwise logs a new one.
import { cell, dataTable as table } from '../tables.js';
import { activityForm } from './activity-form.js';
import { day } from './account-common.js';
import { words } from '../format.js';
import { fullName } from './contact-form.js';

export async function activities({ context, path, people, body, refresh }) {
  const { el, api } = context;
  const [answer, contacts, members] = await Promise.all([api(path + '/activities?limit=100'), api(path + '/contacts'),
    api(path + '/team')]);
  const items = answer.items || answer;
  const contactName = new Map(contacts.map(c => [c.id, fullName(c)]));
  const userIds = new Set([...members.map(m => m.userId), ...items.flatMap(a => a.participants || [])]);
  const names = new Map(await Promise.all([...userIds].map(async id => [id, await people(id)])));
  const team = [...new Set(members.map(m => m.userId))].map(id => ({ userId: id, name: names.get(id) }));
  const holder = el('div', { id: 'activity-editor' });
  const showForm = activity => {
    // those who took part and have left the team stay ticked when the activity is changed
    const taking = activity ? (activity.participants || []).filter(id => !team.some(t => t.userId === id))
      .map(id => ({ userId: id, name: names.get(id) })) : [];
    const form = activityForm(context, path, { activity, contacts, team: [...team, ...taking], done: refresh,
      cancel: () => showForm(null),
      reload: async id => showForm(await api(path + '/activities/' + encodeURIComponent(id))) });
    holder.replaceChildren(form);
    if (activity) {
      form.scrollIntoView({ block: 'nearest' });
      form.elements.subject.focus();
    }
  };
  const rows = items.map(a => {
    const edit = el('button', { type: 'button', class: 'secondary edit-activity', onclick: () => showForm(a) }, 'Edit',
      el('span', { class: 'visually-hidden' }, ': ' + a.subject));
    return [a.subject, cell(day(a.occurredAt), a.occurredAt), words(a.type), words(a.status),
      (a.contactIds || []).map(id => contactName.get(id) || 'a deleted contact').join(', ') || '—',
      (a.participants || []).map(id => names.get(id)).join(', ') || '—',
      el('span', { class: 'notes' }, a.notes || '—'), edit];
  });
  showForm(null);
  body.replaceChildren(el('h2', {}, 'Activities'),
    table(el, 'Activities, newest first', ['Subject', 'When', 'Type', 'Status', 'With', 'Team', 'Notes and outcome',
      'Action'], rows, { empty: 'No activities recorded.', sorted: [1, 'descending'] }),
    holder);
}
