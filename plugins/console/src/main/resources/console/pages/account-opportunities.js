// The account 360's opportunities: the open pipeline by stage, every opportunity with its competitors, and the
// work on them: create, edit (stage changes included), close as won or lost with its reason.
import { money } from './accounts.js';
import { cell, dataTable as table } from '../tables.js';
import { day } from './account-common.js';
import { words } from '../format.js';
import { closingForm, opportunityForm } from './opportunity-form.js';

export async function opportunities(section) {
  const { context, account, path, people, body, refresh } = section;
  const { el, api } = context;
  const [answer, summary, stages] = await Promise.all([api(path + '/opportunities'), api(path + '/pipeline'),
    api('/pipeline/stages')]);
  const items = Array.isArray(answer) ? answer : answer.items || [];
  const handlers = {
    onSaved: async (saved, created) => refresh(created === undefined
      ? `${saved.name} was closed as ${saved.status}.` : created ? `${saved.name} was created.` : `${saved.name} was saved.`),
    onCancel: () => refresh(),
    reload: () => refresh('The opportunities as they are now; make your changes again.')
  };
  const open = form => {
    body.replaceChildren(form);
    form.querySelector('input, select, textarea').focus();
  };
  const rows = await Promise.all(items.map(async o => [o.name,
    el('span', { 'data-stage': o.stage }, words(o.stage)), cell(money(o.value, o.currency), o.value),
    cell(`${o.probability} %`, o.probability), o.ourPosition || '—',
    el('ul', { class: 'plain' }, (o.competitors || []).map(c => el('li', {}, c.name, c.position ? ` (${c.position})` : ''))),
    o.nextStep ? cell(`${o.nextStep} (${day(o.nextStepDue)})`, o.nextStepDue || o.nextStep) : '—',
    o.status === 'open' ? o.status : el('span', {}, o.status, o.closeReason ? el('span', { class: 'muted' }, ': ' + o.closeReason) : null),
    await people(o.owner),
    o.status === 'open' ? el('div', { class: 'actions-row' },
      el('button', { type: 'button', class: 'secondary', onclick: () => open(opportunityForm(context, path, account, o,
        stages, handlers)) }, 'Edit', el('span', { class: 'visually-hidden' }, ' ' + o.name)),
      el('button', { type: 'button', class: 'secondary', onclick: () => open(closingForm(context, path, o, handlers)) },
        'Close', el('span', { class: 'visually-hidden' }, ' ' + o.name))) : '—']));
  body.replaceChildren(
    el('div', { class: 'page-head' }, el('h2', {}, 'Opportunities'),
      el('button', { type: 'button', onclick: () => open(opportunityForm(context, path, account, null, stages, handlers)) },
        'New opportunity')),
    pipeline(el, summary, items, stages),
    table(el, 'Opportunities with their competitors', ['Opportunity', 'Stage', 'Value', 'Probability',
      'Our position', 'Competitors', 'Next step', 'Status', 'Owner', 'Action'], rows, { empty: 'No opportunities yet.' }));
}

/** The open pipeline: totals per currency and, per stage in pipeline order, the open opportunities' count and value. */
function pipeline(el, summary, items, stages) {
  const open = items.filter(o => o.status === 'open');
  const sums = values => Object.entries(values || {}).map(([currency, amount]) => money(amount, currency)).join(' + ') || '0';
  const byStage = stages.map(s => {
    const here = open.filter(o => o.stage === s.id);
    const value = {};
    here.forEach(o => { value[o.currency] = (value[o.currency] || 0) + Number(o.value); });
    return el('li', { 'data-stage': s.id, 'data-count': String(here.length) }, el('span', { class: 'stage-name' }, s.id),
      el('span', { class: 'stage-count' }, `${here.length} open`), el('span', { class: 'stage-value' }, here.length ? sums(value) : '—'));
  });
  return el('section', { class: 'pipeline-summary', 'aria-labelledby': 'pipeline-title', id: 'account-pipeline',
    'data-open': String(summary.openCount) },
    el('h3', { id: 'pipeline-title' }, 'Open pipeline'),
    el('p', {}, `${summary.openCount} open, worth ${sums(summary.openValue)}, weighted ${sums(summary.weightedValue)}`),
    el('ol', { class: 'stages' }, byStage));
}
