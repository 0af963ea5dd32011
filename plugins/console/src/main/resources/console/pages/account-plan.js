// The account 360's customer development plan: SWOT, objectives, strategies and actions.
import { day, progress } from './account-common.js';

export async function plan({ context, path, people, body }) {
  const { el, api } = context;
  const plans = await api(path + '/plans');
  const list = Array.isArray(plans) ? plans : plans.items || [];
  const current = list.find(p => p.status === 'active') || list[0];
  if (!current) {
    body.replaceChildren(el('h2', {}, 'Customer development plan'), el('p', { class: 'gap' }, 'This account has no plan yet.'));
    return;
  }
  const full = current.objectives ? current : await api(path + '/plans/' + encodeURIComponent(current.id));
  const today = new Date().toISOString().slice(0, 10);
  const swot = ['strengths', 'weaknesses', 'opportunities', 'threats'];
  const objectives = [];
  for (const objective of full.objectives) {
    const strategies = [];
    for (const strategy of objective.strategies) {
      const actions = await Promise.all(strategy.actions.map(async a => {
        const overdue = a.status !== 'done' && a.dueDate && a.dueDate < today;
        return el('li', { class: 'action status-' + a.status },
          el('span', { class: 'badge' }, a.status), ' ', a.description, ' — ', await people(a.owner), ', due ',
          day(a.dueDate), overdue ? el('strong', { class: 'gap' }, ' (overdue)') : null);
      }));
      strategies.push(el('li', {}, el('p', {}, el('strong', {}, 'Strategy: '), strategy.description),
        el('ul', { class: 'actions-list' }, actions)));
    }
    objectives.push(el('li', { class: 'objective' },
      el('h4', {}, objective.description),
      el('p', { class: 'muted' }, [objective.metric, objective.baseline !== null ? `from ${objective.baseline}` : null,
        objective.target !== null ? `to ${objective.target}` : null, objective.dueDate ? `by ${objective.dueDate}` : null]
        .filter(Boolean).join(' ')),
      el('ul', {}, strategies)));
  }
  body.replaceChildren(
    el('h2', {}, full.title),
    el('p', {}, `${day(full.period.start)} – ${day(full.period.end)} · ${full.status} · relationship stage `,
      el('strong', {}, full.relationshipStage || '—')),
    progress(el, full.completion, 'Plan completion'),
    el('h3', {}, 'SWOT'),
    el('div', { class: 'swot' }, swot.map(k => el('section', { class: 'swot-' + k, 'aria-label': k },
      el('h4', {}, k[0].toUpperCase() + k.slice(1)),
      el('ul', {}, (full.swot && full.swot[k] || []).map(item => el('li', {}, item)))))),
    el('h3', {}, 'Objectives, strategies and actions'),
    el('ol', { class: 'objectives' }, objectives));
}
