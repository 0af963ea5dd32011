// Writing a customer development plan: its headline, SWOT (one item a line) and the tree of objectives ->
// strategies -> actions, each control named by the API's field path (objectives[0].strategies[1].actions[2].owner)
// so a problem+json error lands at its control. Adding or removing a branch draws the tree again from the draft.
import { ifMatch, save } from './record-edit.js';

export const PLAN_STATUSES = ['draft', 'active', 'archived'];
export const STAGES = ['exploratory', 'basic', 'cooperative', 'interdependent', 'integrated'];
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'cancelled'];
export const SWOT = [['strengths', 'Strengths'], ['weaknesses', 'Weaknesses'], ['opportunities', 'Opportunities'],
  ['threats', 'Threats']];

/**
 * The form for a new plan (plan null) or an edit of plan. owners: [{ id, name }] who may own actions.
 * onSaved(saved, created) runs after the API stored it; onCancel() leaves the form; reload() draws the plan again
 * after someone else changed it.
 */
export function planForm(context, path, plan, owners, { onSaved, onCancel, reload }) {
  const { el, api } = context;
  const draft = plan ? copy(plan) : blank();
  const form = el('form', { class: 'record-form plan-form', novalidate: true, 'aria-labelledby': 'plan-form-title' });
  const tree = el('div', { class: 'plan-tree' });

  const id = name => 'plan-' + name.replace(/[^A-Za-z0-9]+/g, '-');
  const field = (name, label, control) => el('div', { class: 'field' }, el('label', { for: id(name) }, label), control);
  const bind = (control, set) => {
    control.addEventListener('input', () => set(control.value));
    control.addEventListener('change', () => set(control.value));
    return control;
  };
  const text = (name, label, value, set, attributes = {}) => field(name, label, bind(el('input', { id: id(name), name,
    type: 'text', value: value === null || value === undefined ? '' : String(value), ...attributes }), set));
  const date = (name, label, value, set) => field(name, label, bind(el('input', { id: id(name), name, type: 'date',
    value: value || '' }), set));
  const area = (name, label, value, set, attributes = {}) => field(name, label, bind(el('textarea', { id: id(name),
    name, rows: '3', ...attributes }, value || ''), set));
  const select = (name, label, options, value, set) => field(name, label, bind(el('select', { id: id(name), name },
    options.map(([v, l]) => el('option', { value: v, selected: v === (value || '') }, l))), set));
  const button = (label, hidden, onclick) => el('button', { type: 'button', class: 'secondary small', onclick },
    label, hidden ? el('span', { class: 'visually-hidden' }, ' ' + hidden) : null);
  // a change of the tree keeps what was typed (the draft follows every input) and moves the focus to the new branch
  const redraw = focusName => {
    drawTree();
    const target = focusName && form.querySelector(`[name="${focusName}"]`);
    if (target) {
      target.focus();
    }
  };
  const ownerChoices = owner => {
    const known = owners.some(o => o.id === owner);
    return [['', 'Nobody yet'], ...owners.map(o => [o.id, o.name]), ...(owner && !known ? [[owner, 'user ' + owner.slice(0, 8)]] : [])];
  };

  function drawTree() {
    tree.replaceChildren(el('ol', { class: 'objectives-edit' }, draft.objectives.map((o, i) => {
      const at = `objectives[${i}]`;
      return el('li', {}, el('fieldset', { class: 'objective-edit' }, el('legend', {}, `Objective ${i + 1}`),
        el('div', { class: 'form-grid' },
          area(at + '.description', 'What is to be achieved', o.description, v => { o.description = v; }, { rows: '2' }),
          text(at + '.metric', 'Metric', o.metric, v => { o.metric = v; }, { maxlength: 100 }),
          text(at + '.baseline', 'Baseline', o.baseline, v => { o.baseline = v; }, { inputmode: 'decimal' }),
          text(at + '.target', 'Target', o.target, v => { o.target = v; }, { inputmode: 'decimal' }),
          date(at + '.dueDate', 'Due', o.dueDate, v => { o.dueDate = v; })),
        el('ol', { class: 'strategies-edit' }, o.strategies.map((s, j) => {
          const sAt = `${at}.strategies[${j}]`;
          return el('li', {}, el('fieldset', { class: 'strategy-edit' }, el('legend', {}, `Strategy ${i + 1}.${j + 1}`),
            area(sAt + '.description', 'How we get there', s.description, v => { s.description = v; }, { rows: '2' }),
            el('ol', { class: 'actions-edit' }, s.actions.map((a, k) => {
              const aAt = `${sAt}.actions[${k}]`;
              return el('li', {}, el('fieldset', { class: 'action-edit' }, el('legend', {}, `Action ${i + 1}.${j + 1}.${k + 1}`),
                el('div', { class: 'form-grid' },
                  text(aAt + '.description', 'What is done', a.description, v => { a.description = v; }, { maxlength: 500 }),
                  select(aAt + '.owner', 'Owner', ownerChoices(a.owner), a.owner, v => { a.owner = v; }),
                  date(aAt + '.dueDate', 'Due', a.dueDate, v => { a.dueDate = v; }),
                  select(aAt + '.status', 'Status', ACTION_STATUSES.map(v => [v, v]), a.status, v => { a.status = v; })),
                button('Remove action', `${i + 1}.${j + 1}.${k + 1}`, () => { s.actions.splice(k, 1); redraw(); })));
            })),
            el('div', { class: 'actions' },
              button('Add action', `to strategy ${i + 1}.${j + 1}`, () => {
                s.actions.push({ id: null, description: '', owner: '', dueDate: '', status: 'open' });
                redraw(`${sAt}.actions[${s.actions.length - 1}].description`);
              }),
              button('Remove strategy', `${i + 1}.${j + 1}`, () => { o.strategies.splice(j, 1); redraw(); }))));
        })),
        el('div', { class: 'actions' },
          button('Add strategy', `to objective ${i + 1}`, () => {
            o.strategies.push({ id: null, description: '', actions: [] });
            redraw(`${at}.strategies[${o.strategies.length - 1}].description`);
          }),
          button('Remove objective', String(i + 1), () => { draft.objectives.splice(i, 1); redraw(); }))));
    })), el('button', { type: 'button', class: 'secondary', onclick: () => {
      draft.objectives.push({ id: null, description: '', metric: '', baseline: '', target: '', dueDate: '', strategies: [] });
      redraw(`objectives[${draft.objectives.length - 1}].description`);
    } }, 'Add objective'));
  }

  drawTree();
  form.append(
    el('h2', { id: 'plan-form-title' }, plan ? 'Edit plan: ' + plan.title : 'New customer development plan'),
    el('div', { class: 'form-grid' },
      text('title', 'Title', draft.title, v => { draft.title = v; }, { maxlength: 200 }),
      date('period.start', 'Period from', draft.period.start, v => { draft.period.start = v; }),
      date('period.end', 'Period to', draft.period.end, v => { draft.period.end = v; }),
      select('status', 'Status', PLAN_STATUSES.map(s => [s, s]), draft.status, v => { draft.status = v; }),
      select('relationshipStage', 'Relationship stage', [['', 'Choose…'], ...STAGES.map(s => [s, s])],
        draft.relationshipStage, v => { draft.relationshipStage = v; })),
    el('fieldset', { class: 'swot-edit' }, el('legend', {}, 'SWOT (one item a line)'),
      el('div', { class: 'swot' }, SWOT.map(([key, label]) => area('swot.' + key, label, draft.swot[key].join('\n'),
        v => { draft.swot[key] = v.split('\n').map(line => line.trim()).filter(Boolean); }, { rows: '4' })))),
    el('fieldset', { class: 'tree-edit' }, el('legend', {}, 'Objectives, strategies and actions'), tree),
    el('div', { class: 'actions' },
      el('button', { type: 'submit' }, plan ? 'Save plan' : 'Create plan'),
      el('button', { type: 'button', class: 'secondary', onclick: () => onCancel() }, 'Cancel')));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const saved = await save(form, 'plan', () => plan
      ? api(path + '/plans/' + encodeURIComponent(plan.id), { method: 'PUT', json: wire(draft), headers: ifMatch(plan.version) })
      : api(path + '/plans', { method: 'POST', json: wire(draft) }), reload);
    if (saved) {
      await onSaved(saved, !plan);
    }
  });
  return form;
}

function blank() {
  const year = new Date().getFullYear();
  return { title: '', period: { start: `${year}-01-01`, end: `${year}-12-31` }, status: 'draft', relationshipStage: '',
    swot: { strengths: [], weaknesses: [], opportunities: [], threats: [] }, objectives: [] };
}

/** An editable copy of a plan as the API answered it: absent values become empty texts for the inputs. */
function copy(plan) {
  const t = v => (v === null || v === undefined ? '' : String(v));
  return {
    title: t(plan.title), period: { start: t(plan.period && plan.period.start), end: t(plan.period && plan.period.end) },
    status: t(plan.status), relationshipStage: t(plan.relationshipStage),
    swot: Object.fromEntries(SWOT.map(([k]) => [k, [...((plan.swot && plan.swot[k]) || [])]])),
    objectives: (plan.objectives || []).map(o => ({ id: o.id, description: t(o.description), metric: t(o.metric),
      baseline: t(o.baseline), target: t(o.target), dueDate: t(o.dueDate),
      strategies: o.strategies.map(s => ({ id: s.id, description: t(s.description),
        actions: s.actions.map(a => ({ id: a.id, description: t(a.description), owner: t(a.owner), dueDate: t(a.dueDate),
          status: t(a.status) })) })) }))
  };
}

/** The draft as the API takes it: empty texts are absent (null), ids kept so actions keep theirs. */
function wire(draft) {
  const v = text => (String(text || '').trim() === '' ? null : String(text).trim());
  return {
    title: v(draft.title), period: { start: v(draft.period.start), end: v(draft.period.end) }, status: v(draft.status),
    relationshipStage: v(draft.relationshipStage), swot: draft.swot,
    objectives: draft.objectives.map(o => ({ id: o.id, description: v(o.description), metric: v(o.metric),
      baseline: v(o.baseline), target: v(o.target), dueDate: v(o.dueDate),
      strategies: o.strategies.map(s => ({ id: s.id, description: v(s.description),
        actions: s.actions.map(a => ({ id: a.id, description: v(a.description), owner: v(a.owner),
          dueDate: v(a.dueDate), status: v(a.status) })) })) }))
  };
}
