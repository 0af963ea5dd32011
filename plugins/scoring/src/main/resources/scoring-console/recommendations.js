// The key account recommendation of a business unit: which accounts to keep, add or remove as key accounts,
// ranked, each with its reason; and the key accounts the model could not place.
import { unitChoice, unitSelector, number, fitSelects } from './common.js';
import { listTools } from '/console/kit/v1/tables.js';

const CHANGES = { keep: 'Keep', add: 'Add', remove: 'Remove' };

export async function render(element, context) {
  const { el, api } = context;
  const unit = unitChoice(context);
  const heading = el('h1', {}, 'Key-account candidates');
  if (!unit) {
    element.replaceChildren(heading, el('p', {}, 'You see no business unit, so there is nothing to recommend.'));
    return;
  }
  const answer = await api('/scoring/key-account-recommendations?' + new URLSearchParams({ businessUnit: unit }));
  const selector = unitSelector(context, 'recommendations-unit', unit, value => context.navigate(
    context.href('scoring-recommendations', '', { unit: value })));
  const unitName = (context.units.find(u => u.id === unit) || { name: unit }).name;
  const t = answer.target;
  element.replaceChildren(...[heading,
    el('div', { class: 'toolbar' }, selector),
    el('p', { id: 'recommendations-summary' },
      `${unitName} aims at ${t.min} to ${t.max} key accounts; ${t.selected} of its ${t.candidates} scored accounts `
      + `are recommended, by the ${answer.model} model's portfolio cells.`),
    targetWarning(context, unit, t),
    table(context, 'recommended', 'Recommended key accounts', answer.recommended),
    table(context, 'leave', 'Key accounts to reconsider', answer.leave),
    unscored(context, answer.unscored)].filter(Boolean));
  fitSelects(element);
}

/** A target that does not fit the unit's size, flagged with the way to change it. */
function targetWarning(context, unit, target) {
  const { el } = context;
  if (!target.warning) {
    return null;
  }
  return el('div', { class: 'warning', id: 'recommendations-target-warning', role: 'note' },
    el('p', {}, target.warning),
    context.session.admin ? el('p', {}, el('a', { href: context.href('admin-configuration',
      'org.openkam.scoring.selection', { businessUnit: unit }) }, 'Change the key account target of this unit'))
      : el('p', {}, 'An administrator can change the unit\'s key account target.'));
}

function table(context, id, title, rows) {
  const { el } = context;
  const headingId = 'recommendations-' + id + '-heading';
  if (!rows.length) {
    return el('section', { 'aria-labelledby': headingId }, el('h2', { id: headingId }, title),
      el('p', {}, 'None.'));
  }
  return el('section', { 'aria-labelledby': headingId },
    el('h2', { id: headingId }, title),
    listTools(el, el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': title },
      el('table', { id: 'recommendations-' + id },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', class: 'number' }, 'Rank'),
        ['Account', 'Change', 'Tier: now → recommended', 'Cell'].map(h => el('th', { scope: 'col' }, h)),
        el('th', { scope: 'col', class: 'number' }, 'Score'),
        el('th', { scope: 'col' }, 'Reason'))),
      el('tbody', {}, rows.map(r => el('tr', { 'data-account': r.accountId, 'data-change': r.change },
        el('td', { class: 'number' }, String(r.rank)),
        el('th', { scope: 'row' }, el('a', { href: context.href('accounts', r.accountId) }, r.name)),
        el('td', {}, CHANGES[r.change] || r.change),
        el('td', {}, r.currentTier === r.recommendedTier ? r.currentTier : `${r.currentTier} → ${r.recommendedTier}`),
        wrapping(el('td', {}, r.cell ? r.cell.label : ''), '10rem'),
        el('td', { class: 'number', 'data-value': r.score }, number(r.score)),
        wrapping(el('td', { class: 'scoring-reason' }, r.reason)))))), { fileName: 'recommendations ' + title })));
}

/** A cell whose text wraps (the console's tables keep cells on one line). */
function wrapping(cell, minWidth = '18rem') {
  cell.style.whiteSpace = 'normal';
  cell.style.minWidth = minWidth;
  return cell;
}

function unscored(context, accounts) {
  const { el } = context;
  if (!accounts.length) {
    return null;
  }
  return el('section', { 'aria-labelledby': 'recommendations-unscored-heading' },
    el('h2', { id: 'recommendations-unscored-heading' }, 'Key accounts without a place in the portfolio'),
    el('ul', { id: 'recommendations-unscored' }, accounts.map(a => el('li', {},
      el('a', { href: context.href('accounts', a.accountId) }, a.name), ': ', a.reason))));
}
