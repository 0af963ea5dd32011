// A customer development plan drawn for reading (and printing): headline, completion, SWOT and the tree of
// objectives -> strategies -> actions with their owners, due days and overdue ones marked.
import { day, progress } from './account-common.js';
import { words } from '../format.js';
import { SWOT } from './plan-form.js';

/** Draws a plan: headline, completion, SWOT and the objective tree. titleId names its heading. */
export async function planView(el, full, people, titleId, level = 2) {
  const h = n => 'h' + Math.min(6, level + n);
  const today = new Date().toISOString().slice(0, 10);
  const objectives = [];
  for (const objective of full.objectives) {
    const strategies = [];
    for (const strategy of objective.strategies) {
      const actions = await Promise.all(strategy.actions.map(async a => {
        const overdue = (a.status === 'open' || a.status === 'in-progress') && a.dueDate && a.dueDate < today;
        return el('li', { class: 'action status-' + a.status },
          el('span', { class: 'badge' }, words(a.status)), ' ', a.description, ' — ', a.owner ? await people(a.owner) : 'no owner yet', ', due ',
          day(a.dueDate), overdue ? el('strong', { class: 'gap' }, ' (overdue)') : null);
      }));
      strategies.push(el('li', {}, el('p', {}, el('strong', {}, 'Strategy: '), strategy.description),
        el('ul', { class: 'actions-list' }, actions)));
    }
    objectives.push(el('li', { class: 'objective' },
      el(h(2), {}, objective.description),
      el('p', { class: 'muted' }, [objective.metric, present(objective.baseline) ? `from ${objective.baseline}` : null,
        present(objective.target) ? `to ${objective.target}` : null, objective.dueDate ? `by ${objective.dueDate}` : null]
        .filter(Boolean).join(' ')),
      el('ul', {}, strategies)));
  }
  return el('div', { class: 'plan-view' },
    el(h(0), { id: titleId }, full.title),
    el('p', {}, `${day(full.period.start)} – ${day(full.period.end)} · ${full.status} · relationship stage `,
      el('strong', {}, full.relationshipStage || '—')),
    progress(el, full.completion, 'Plan completion'),
    el(h(1), {}, 'SWOT'),
    el('div', { class: 'swot' }, SWOT.map(([k, label]) => el('section', { class: 'swot-' + k, 'aria-label': label },
      el(h(2), {}, label),
      (full.swot && full.swot[k] || []).length ? el('ul', {}, full.swot[k].map(item => el('li', {}, item)))
        : el('p', { class: 'muted' }, 'None noted.')))),
    el(h(1), {}, 'Objectives, strategies and actions'),
    objectives.length ? el('ol', { class: 'objectives' }, objectives) : el('p', { class: 'gap' }, 'No objectives yet.'));
}

function present(value) {
  return value !== null && value !== undefined && value !== '';
}
