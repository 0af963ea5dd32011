// The account 360's audit trail: who changed what, newest first, with people and contacts by name and keys as
// words, not ids and enum constants.
import { cell, dataTable as table } from '../tables.js';
import { moment, words } from '../format.js';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Fields that hold a user's id; other ids in an account's trail are its contacts'. */
const USER_FIELD = /owner|user|reviewer|member/i;

export async function audit({ context, path, people, body }) {
  const { el, api } = context;
  const [answer, contacts] = await Promise.all([api(path + '/audit?limit=100'),
    api(path + '/contacts').catch(() => [])]);
  const contactNames = new Map((Array.isArray(contacts) ? contacts : contacts.items || [])
    .map(c => [c.id, [c.firstName, c.lastName].filter(Boolean).join(' ') || c.id]));
  const shown = async (field, value) => {
    if (value === null || value === undefined) {
      return null;
    }
    const text = String(value);
    if (!ID.test(text)) {
      return text;
    }
    return USER_FIELD.test(field) ? people(text) : contactNames.get(text) || 'a contact no longer listed';
  };
  const items = answer.items || [];
  const rows = await Promise.all(items.map(async e => [
    cell(moment(e.at), e.at), e.actorName || e.actor, `${words(e.entityType)} ${e.action}`,
    el('ul', { class: 'plain' }, await Promise.all((e.changes || []).map(async c => {
      const before = await shown(c.field, c.before);
      const after = await shown(c.field, c.after);
      return el('li', {}, `${words(c.field)}: `, before === null ? '' : el('del', {}, before),
        before === null ? '' : ' → ', after === null ? '(cleared)' : after);
    })))]));
  body.replaceChildren(el('h2', {}, 'Audit trail'),
    table(el, 'Changes, newest first', ['When', 'Who', 'What', 'Changes'], rows,
      { empty: 'No changes recorded.', sorted: [0, 'descending'] }));
}
