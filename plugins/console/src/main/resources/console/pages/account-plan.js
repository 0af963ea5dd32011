// The account 360's customer development plan: every plan of the account by its period (?plan=<id>, the active
// one by default), shown with its SWOT and objectives -> strategies -> actions, written and edited in a form,
// reviewed, its earlier versions viewed and compared, and printed clean for a quarterly business review.
import { day } from './account-common.js';
import { planForm } from './plan-form.js';
import { reviews, versions } from './plan-history.js';
import { planView } from './plan-view.js';

export async function plan(section) {
  const { context, path, body } = section;
  const { el, api } = context;
  const list = await api(path + '/plans');
  const plans = (Array.isArray(list) ? list : list.items || [])
    .slice().sort((a, b) => String(b.period.start).localeCompare(String(a.period.start)));
  const wanted = context.route.params.get('plan');
  const current = plans.find(p => p.id === wanted) || plans.find(p => p.status === 'active') || plans[0];
  const newPlan = el('button', { type: 'button', onclick: () => showForm(section, null) }, 'New plan');
  if (!current) {
    body.replaceChildren(el('h2', {}, 'Customer development plan'),
      el('p', { class: 'gap' }, 'This account has no plan yet.'), el('div', { class: 'actions plan-tools' }, newPlan));
    return;
  }
  const full = await api(path + '/plans/' + encodeURIComponent(current.id));
  body.replaceChildren(
    el('div', { class: 'plan-tools' },
      periodSelector(section, plans, current),
      el('div', { class: 'actions' },
        el('button', { type: 'button', onclick: () => showForm(section, full) }, 'Edit plan'),
        newPlan,
        el('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, 'Print plan'))),
    el('article', { class: 'plan-sheet', 'aria-labelledby': 'plan-title' },
      await planView(el, full, section.people, 'plan-title'),
      await reviews(section, full)),
    await versions(section, full));
}

/** Every plan of the account by its period; choosing one shows it and keeps it in the address. */
function periodSelector(section, plans, current) {
  const { el } = section.context;
  const choice = el('select', { id: 'plan-choice', name: 'plan' }, plans.map(p => el('option',
    { value: p.id, selected: p.id === current.id }, `${day(p.period.start)} – ${day(p.period.end)}: ${p.title} (${p.status})`)));
  const form = el('form', { class: 'toolbar plan-period', 'aria-label': 'Choose a plan' },
    el('div', { class: 'field' }, el('label', { for: 'plan-choice' }, 'Plan period'), choice),
    el('button', { type: 'submit', class: 'secondary' }, 'Show plan'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    select(section, choice.value);
    section.refresh();
  });
  return form;
}

/** Makes planId the shown plan: in the address (so a reload keeps it) and for the next drawing. */
function select(section, planId) {
  const { context, account } = section;
  context.route.params.set('plan', planId);
  history.replaceState(null, '', context.href('accounts', account.id, { tab: 'plan', plan: planId }));
}

/** Replaces the section with the plan form: plan null for a new plan. */
async function showForm(section, plan) {
  const { context, path, people, body } = section;
  const team = await context.api(path + '/team').catch(() => []);
  const owners = [];
  for (const id of [(context.session || {}).userId, ...team.map(m => m.userId)]) {
    if (id && !owners.some(o => o.id === id)) {
      owners.push({ id, name: await people(id) });
    }
  }
  const form = planForm(context, path, plan, owners, {
    onSaved: async (saved, created) => {
      select(section, saved.id);
      await section.refresh(created ? 'The plan was created.' : 'The plan was saved.');
    },
    onCancel: () => section.refresh(),
    reload: () => section.refresh('The plan as it is now; make your changes again.')
  });
  body.replaceChildren(form);
  const first = form.querySelector('input, select, textarea');
  if (first) {
    first.focus();
  }
}
