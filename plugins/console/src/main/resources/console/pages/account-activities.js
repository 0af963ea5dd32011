// The account 360's activities, newest first, and the form for a new one.
import { dataTable as table } from '../tables.js';
import { activityForm } from './account-engagement.js';
import { day } from './account-common.js';

export async function activities({ context, path, body, refresh }) {
  const { el, api } = context;
  const [answer, form] = await Promise.all([api(path + '/activities?limit=100'), activityForm(context, path, refresh)]);
  const items = answer.items || answer;
  body.replaceChildren(el('h2', {}, 'Activities'),
    table(el, 'Activities, newest first', ['Subject', 'Type', 'Status', 'When'],
      items.map(a => [a.subject, a.type, a.status, day(a.occurredAt)]), { empty: 'No activities recorded.' }),
    form);
}
