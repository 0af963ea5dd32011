// The account 360's opportunities with their competitors.
import { money } from './accounts.js';
import { dataTable as table } from '../tables.js';
import { day } from './account-common.js';

export async function opportunities({ context, path, people, body }) {
  const { el, api } = context;
  const answer = await api(path + '/opportunities');
  const items = Array.isArray(answer) ? answer : answer.items || [];
  const rows = await Promise.all(items.map(async o => [o.name, o.stage, money(o.value, o.currency),
    `${o.probability} %`, o.ourPosition || '—',
    el('ul', { class: 'plain' }, (o.competitors || []).map(c => el('li', {}, c.name, c.position ? ` (${c.position})` : ''))),
    o.nextStep ? `${o.nextStep} (${day(o.nextStepDue)})` : '—', o.status, await people(o.owner)]));
  body.replaceChildren(el('h2', {}, 'Opportunities'),
    table(el, 'Opportunities with their competitors', ['Opportunity', 'Stage', 'Value', 'Probability',
      'Our position', 'Competitors', 'Next step', 'Status', 'Owner'], rows, { empty: 'No opportunities yet.' }));
}
