// A plan's history on the account 360: its reviews (read and recorded) and its versions, each viewable and any
// two comparable line by line (what the later one added, what it no longer has).
import { cell, dataTable } from '../tables.js';
import { day } from './account-common.js';
import { moment } from '../format.js';
import { save } from './record-edit.js';
import { planView } from './plan-view.js';

const RATINGS = [[5, 'on track or ahead'], [4, 'mostly on track'], [3, 'some gaps'], [2, 'behind'], [1, 'off track']];

/** The plan's reviews as a table, and a form to record one. */
export async function reviews(section, full) {
  const { context, people, refresh } = section;
  const { el, api } = context;
  const planPath = section.path + '/plans/' + encodeURIComponent(full.id);
  const list = await api(planPath + '/reviews');
  const rows = await Promise.all(list.slice().sort((a, b) => String(b.reviewDate).localeCompare(String(a.reviewDate)))
    .map(async r => [cell(day(r.reviewDate), r.reviewDate), cell(`${r.rating} of 5`, r.rating),
      el('span', { class: 'notes' }, r.notes || '—'), cell(day(r.nextReviewDate), r.nextReviewDate),
      await people(r.reviewer)]));
  const today = new Date().toISOString().slice(0, 10);
  const field = (name, label, control) => el('div', { class: 'field' }, el('label', { for: 'review-' + name }, label), control);
  const form = el('form', { class: 'inline-form review-form', novalidate: true, 'aria-labelledby': 'review-form-title' },
    el('h4', { id: 'review-form-title' }, 'Record a review'),
    el('div', { class: 'form-grid' },
      field('reviewDate', 'Review day', el('input', { id: 'review-reviewDate', name: 'reviewDate', type: 'date', value: today })),
      field('rating', 'Rating', el('select', { id: 'review-rating', name: 'rating' }, el('option', { value: '' }, 'Choose…'),
        RATINGS.map(([value, words]) => el('option', { value: String(value) }, `${value}: ${words}`)))),
      field('nextReviewDate', 'Next review', el('input', { id: 'review-nextReviewDate', name: 'nextReviewDate', type: 'date' }))),
    field('notes', 'What was found and agreed', el('textarea', { id: 'review-notes', name: 'notes', rows: '3', maxlength: '4000' })),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Record review')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = name => form.elements[name].value.trim() || null;
    const body = { reviewDate: value('reviewDate'), rating: value('rating') === null ? null : Number(value('rating')),
      notes: value('notes'), nextReviewDate: value('nextReviewDate') };
    if (await save(form, 'review', () => api(planPath + '/reviews', { method: 'POST', json: body }))) {
      await refresh('The review was recorded.');
    }
  });
  return el('section', { class: 'plan-reviews', 'aria-labelledby': 'plan-reviews-title' },
    el('h3', { id: 'plan-reviews-title' }, 'Reviews'),
    dataTable(el, 'Reviews of this plan, latest first', ['Review day', 'Rating', 'Notes', 'Next review', 'Reviewer'], rows,
      { empty: 'This plan has not been reviewed yet.', sorted: [0, 'descending'] }),
    form);
}

/** The plan's versions, one viewable at a time, and a comparison of any two. */
export async function versions(section, full) {
  const { context, people } = section;
  const { el, api } = context;
  const earlier = await api(section.path + '/plans/' + encodeURIComponent(full.id) + '/versions');
  const all = earlier.map(v => ({ version: v.version, at: v.changedAt, by: v.changedBy, plan: v.plan }));
  if (!all.some(v => v.version === full.version)) {
    all.push({ version: full.version, at: full.updatedAt, by: full.updatedBy, plan: full });
  }
  all.sort((a, b) => a.version - b.version);
  const label = v => `Version ${v.version}${v.version === full.version ? ' (current)' : ''}`;
  const shown = el('div', { class: 'version-view', id: 'plan-version-view', 'aria-live': 'polite' });
  const rows = await Promise.all(all.slice().reverse().map(async v => [cell(label(v), v.version), cell(when(v.at), v.at),
    await people(v.by),
    el('button', { type: 'button', class: 'secondary small', onclick: async () => {
      shown.replaceChildren(el('p', { class: 'version-caption' }, `${label(v)}, written ${when(v.at)}`),
        await planView(el, v.plan, people, null, 4));
      shown.focus();
    } }, 'View', el('span', { class: 'visually-hidden' }, ' ' + label(v)))]));
  shown.setAttribute('tabindex', '-1');
  const choice = (name, text, selected) => el('div', { class: 'field' }, el('label', { for: 'compare-' + name }, text),
    el('select', { id: 'compare-' + name, name }, all.map(v => el('option', { value: String(v.version),
      selected: v.version === selected }, label(v)))));
  const result = el('div', { class: 'comparison', id: 'plan-comparison', 'aria-live': 'polite' });
  const compare = el('form', { class: 'toolbar compare-form', 'aria-label': 'Compare two versions' },
    choice('from', 'Compare', all.length > 1 ? all[all.length - 2].version : full.version),
    choice('to', 'with', full.version),
    el('button', { type: 'submit', class: 'secondary' }, 'Compare versions'));
  compare.addEventListener('submit', async event => {
    event.preventDefault();
    const pick = name => all.find(v => String(v.version) === compare.elements[name].value);
    const from = pick('from');
    const to = pick('to');
    const [before, after] = [await lines(from.plan, people), await lines(to.plan, people)];
    const added = without(after, before);
    const removed = without(before, after);
    result.replaceChildren(el('h4', {}, `${label(from)} compared with ${label(to)}`),
      added.length || removed.length ? el('ul', { class: 'changes' },
        removed.map(line => el('li', { class: 'removed' }, el('del', {}, el('span', { class: 'visually-hidden' }, 'removed: '), line))),
        added.map(line => el('li', { class: 'added' }, el('ins', {}, el('span', { class: 'visually-hidden' }, 'added: '), line))))
        : el('p', {}, 'The two versions say the same.'));
  });
  return el('section', { class: 'plan-versions', 'aria-labelledby': 'plan-versions-title' },
    el('h3', { id: 'plan-versions-title' }, 'Versions'),
    dataTable(el, 'Versions of this plan, latest first', ['Version', 'Written', 'By', 'Show'], rows,
      { sorted: [0, 'descending'] }),
    shown,
    all.length > 1 ? compare : el('p', { class: 'muted' }, 'No earlier versions: the plan is as it was first written.'),
    result);
}

function when(instant) {
  return moment(instant);
}

/** A plan as lines of text, one per fact, so that two versions compare line by line. */
async function lines(plan, people) {
  const out = [`Title: ${plan.title}`, `Period: ${day(plan.period.start)} – ${day(plan.period.end)}`,
    `Status: ${plan.status}`, `Relationship stage: ${plan.relationshipStage || '—'}`];
  for (const [key, name] of [['strengths', 'Strength'], ['weaknesses', 'Weakness'], ['opportunities', 'Opportunity'],
    ['threats', 'Threat']]) {
    ((plan.swot && plan.swot[key]) || []).forEach(item => out.push(`${name}: ${item}`));
  }
  for (const o of plan.objectives || []) {
    out.push(`Objective: ${o.description} (${[o.metric, o.baseline !== null && o.baseline !== undefined ? 'from ' + o.baseline : null,
      'to ' + o.target, o.dueDate ? 'by ' + o.dueDate : null].filter(Boolean).join(' ')})`);
    for (const s of o.strategies) {
      out.push(`Strategy for "${o.description}": ${s.description}`);
      for (const a of s.actions) {
        out.push(`Action for "${s.description}": ${a.description} — ${a.owner ? await people(a.owner) : 'no owner yet'}, due ${day(a.dueDate)}, ${a.status}`);
      }
    }
  }
  return out;
}

/** The lines of a that b lacks, counting repeated lines. */
function without(a, b) {
  const left = new Map();
  b.forEach(line => left.set(line, (left.get(line) || 0) + 1));
  return a.filter(line => {
    const n = left.get(line) || 0;
    left.set(line, n - 1);
    return n <= 0;
  });
}
