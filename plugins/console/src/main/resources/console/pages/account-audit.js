// The account 360's audit trail: who changed what, newest first.
import { dataTable as table } from '../tables.js';
import { moment } from '../format.js';

export async function audit({ context, path, body }) {
  const { el, api } = context;
  const answer = await api(path + '/audit?limit=100');
  const items = answer.items || [];
  body.replaceChildren(el('h2', {}, 'Audit trail'),
    table(el, 'Changes, newest first', ['When', 'Who', 'What', 'Changes'], items.map(e => [
      moment(e.at), e.actorName || e.actor, `${e.entityType} ${e.action}`,
      el('ul', { class: 'plain' }, (e.changes || []).map(c => el('li', {}, `${c.field}: `,
        c.before === null ? '' : el('del', {}, String(c.before)), c.before === null ? '' : ' → ',
        c.after === null ? '(cleared)' : String(c.after))))]), { empty: 'No changes recorded.' }));
}
