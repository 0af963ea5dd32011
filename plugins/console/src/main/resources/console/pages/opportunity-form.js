// Writing an opportunity (its stage, value, next step, our position and the competitors with theirs) and closing
// one as won or lost with its reason. Controls are named by the API's fields (competitors[1].name) so a
// problem+json error lands at its control; an edit sends If-Match with the version it was read at.
import { ifMatch, save } from './record-edit.js';

export const POSITIONS = ['incumbent', 'top-supplier', 'challenger', 'outsider'];

/**
 * The form for a new opportunity (opportunity null) or an edit. stages: [{ id, probability }] in pipeline order.
 * onSaved(saved, created), onCancel() and reload() (after someone else changed it) are the caller's.
 */
export function opportunityForm(context, path, account, opportunity, stages, { onSaved, onCancel, reload }) {
  const { el, api } = context;
  const o = opportunity || {};
  const defaultOf = stage => (stages.find(s => s.id === stage) || {}).probability;
  // a probability equal to its stage's default is left blank, so that a new stage brings its own default
  const probability = o.probability !== undefined && o.probability !== defaultOf(o.stage) ? String(o.probability) : '';
  const competitors = (o.competitors || []).map(c => ({ ...c }));
  const id = name => 'opportunity-' + name.replace(/[^A-Za-z0-9]+/g, '-');
  const field = (name, label, control, hint) => el('div', { class: 'field' }, el('label', { for: id(name) }, label),
    control, hint ? el('p', { class: 'hint-inline', id: id(name) + '-hint' }, hint) : null);
  const input = (name, label, value, attributes = {}, hint) => field(name, label, el('input', { id: id(name), name,
    type: 'text', value: value === null || value === undefined ? '' : String(value),
    'aria-describedby': hint ? id(name) + '-hint' : null, ...attributes }), hint);
  const select = (name, label, options, value) => field(name, label, el('select', { id: id(name), name },
    options.map(([v, l]) => el('option', { value: v, selected: v === (value || '') }, l))));
  const list = el('ol', { class: 'competitors-edit' });
  const readCompetitors = () => competitors.forEach((c, i) => {
    for (const key of ['name', 'position', 'strengths', 'weaknesses']) {
      c[key] = form.elements[`competitors[${i}].${key}`].value;
    }
  });
  const drawCompetitors = () => list.replaceChildren(...competitors.map((c, i) => {
    const at = `competitors[${i}]`;
    return el('li', {}, el('fieldset', { class: 'competitor-edit' }, el('legend', {}, `Competitor ${i + 1}`),
      el('div', { class: 'form-grid' },
        input(at + '.name', 'Name', c.name, { maxlength: 200 }),
        select(at + '.position', 'Their position', [['', 'Unknown'], ...POSITIONS.map(p => [p, p])], c.position),
        input(at + '.strengths', 'Their strengths', c.strengths),
        input(at + '.weaknesses', 'Their weaknesses', c.weaknesses)),
      el('button', { type: 'button', class: 'secondary small', onclick: () => {
        readCompetitors();
        competitors.splice(i, 1);
        drawCompetitors();
      } }, 'Remove competitor', el('span', { class: 'visually-hidden' }, ' ' + (i + 1)))));
  }));
  const form = el('form', { class: 'record-form opportunity-form', novalidate: true,
    'aria-labelledby': 'opportunity-form-title' },
    el('h2', { id: 'opportunity-form-title' }, opportunity ? 'Edit opportunity: ' + opportunity.name : 'New opportunity'),
    el('div', { class: 'form-grid' },
      input('name', 'Name', o.name, { maxlength: 200 }),
      input('value', 'Value', o.value, { inputmode: 'decimal' }),
      input('currency', 'Currency (ISO code)', o.currency || account.currency || '', { maxlength: 3 }),
      select('stage', 'Stage', [['', 'Choose…'], ...stages.map(s => [s.id, `${s.id} (${s.probability} %)`])], o.stage),
      input('probability', 'Probability %', probability, { inputmode: 'numeric' }, 'Blank: the stage’s default'),
      input('expectedCloseDate', 'Expected close', o.expectedCloseDate, { type: 'date' }),
      input('nextStep', 'Next step', o.nextStep, { maxlength: 500 }),
      input('nextStepDue', 'Next step due', o.nextStepDue, { type: 'date' }),
      select('ourPosition', 'Our position', [['', 'Choose…'], ...POSITIONS.map(p => [p, p])], o.ourPosition)),
    field('description', 'Description', el('textarea', { id: id('description'), name: 'description', rows: '3' },
      o.description || '')),
    el('fieldset', { class: 'competitors' }, el('legend', {}, 'Competitors'), list,
      el('button', { type: 'button', class: 'secondary small', onclick: () => {
        readCompetitors();
        competitors.push({ name: '', position: '', strengths: '', weaknesses: '' });
        drawCompetitors();
        form.elements[`competitors[${competitors.length - 1}].name`].focus();
      } }, 'Add competitor')),
    el('div', { class: 'actions' },
      el('button', { type: 'submit' }, opportunity ? 'Save opportunity' : 'Create opportunity'),
      el('button', { type: 'button', class: 'secondary', onclick: () => onCancel() }, 'Cancel')));
  drawCompetitors();

  form.addEventListener('submit', async event => {
    event.preventDefault();
    readCompetitors();
    const v = name => form.elements[name].value.trim() || null;
    const body = { name: v('name'), description: v('description'), value: v('value'),
      currency: v('currency') && v('currency').toUpperCase(), stage: v('stage'),
      probability: v('probability') === null ? null : Number(v('probability')), expectedCloseDate: v('expectedCloseDate'),
      nextStep: v('nextStep'), nextStepDue: v('nextStepDue'), ourPosition: v('ourPosition'),
      competitors: competitors.map(c => Object.fromEntries(Object.entries(c)
        .filter(([key]) => ['name', 'position', 'strengths', 'weaknesses'].includes(key))
        .map(([key, value]) => [key, String(value || '').trim() || null]))) };
    if (body.probability !== null && Number.isNaN(body.probability)) {
      body.probability = v('probability'); // the API names what is wrong with it
    }
    const saved = await save(form, 'opportunity', () => opportunity
      ? api(path + '/opportunities/' + encodeURIComponent(opportunity.id), { method: 'PUT', json: body,
        headers: ifMatch(opportunity.version) })
      : api(path + '/opportunities', { method: 'POST', json: body }), reload);
    if (saved) {
      await onSaved(saved, !opportunity);
    }
  });
  return form;
}

/** The form that closes an open opportunity as won or lost, with why. */
export function closingForm(context, path, opportunity, { onSaved, onCancel, reload }) {
  const { el, api } = context;
  const outcome = value => el('label', { class: 'check' }, el('input', { type: 'radio', name: 'status', value,
    id: 'closing-' + value }), ' ', value === 'won' ? 'Won' : 'Lost');
  const form = el('form', { class: 'record-form closing-form', novalidate: true, 'aria-labelledby': 'closing-form-title' },
    el('h2', { id: 'closing-form-title' }, 'Close opportunity: ' + opportunity.name),
    el('fieldset', {}, el('legend', {}, 'Outcome'), outcome('won'), outcome('lost')),
    el('div', { class: 'field' }, el('label', { for: 'closing-closeReason' }, 'Why it was won or lost'),
      el('textarea', { id: 'closing-closeReason', name: 'closeReason', rows: '3', maxlength: '2000' })),
    el('div', { class: 'field checkbox' }, el('input', { id: 'closing-closeFollowUps', name: 'closeFollowUps', type: 'checkbox' }),
      el('label', { for: 'closing-closeFollowUps' }, 'Mark its open follow-ups done')),
    el('p', { class: 'hint-inline' }, 'Closing is final: a closed opportunity can no longer be changed.'),
    el('div', { class: 'actions' },
      el('button', { type: 'submit' }, 'Close opportunity'),
      el('button', { type: 'button', class: 'secondary', onclick: () => onCancel() }, 'Cancel')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="status"]:checked');
    const body = { status: chosen ? chosen.value : null, closeReason: form.elements.closeReason.value.trim() || null,
      closeFollowUps: form.elements.closeFollowUps.checked };
    const saved = await save(form, 'opportunity', () => api(path + '/opportunities/' + encodeURIComponent(opportunity.id)
      + '/close', { method: 'POST', json: body, headers: ifMatch(opportunity.version) }), reload);
    if (saved) {
      await onSaved(saved);
    }
  });
  return form;
}
