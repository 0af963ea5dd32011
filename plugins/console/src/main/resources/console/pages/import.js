// Account import from a CSV file: choose the file, the business unit of lines that name none and the mode;
// a progress bar follows the upload and then the import job (polled at /jobs/{id}); the result lists the
// counts and every bad line (line, field, message).
import { listTools } from '/console/tables.js';
import { uploadJob } from '/console/jobs.js';

const COLUMNS = 'id, businessUnit, name, legalName, industry, country, region, status, tier, owner, annualSales, '
  + 'contributionMargin, potential, currency, attributes';

export async function render(element, context) {
  const { el, session } = context;
  const editable = context.units.filter(u => session.admin
    || (session.grants[u.id] || []).some(r => r === 'key-account-manager' || r === 'bu-admin'));
  const heading = el('h1', {}, 'Import accounts');
  if (editable.length === 0) {
    element.replaceChildren(heading, el('p', {}, 'Importing needs the key account manager or business unit admin '
      + 'role in a business unit; you have neither.'));
    return;
  }
  const file = el('input', { id: 'import-file', name: 'body', type: 'file', accept: '.csv,text/csv', required: true,
    'aria-describedby': 'import-file-hint' });
  const unit = el('select', { id: 'import-unit', name: 'businessUnit', 'aria-describedby': 'import-unit-hint' },
    el('option', { value: '' }, 'Only as named in the file'),
    editable.map(u => el('option', { value: u.id, selected: u.id === context.businessUnit }, u.name)));
  const mode = (value, label, hint, checked) => el('div', { class: 'check' },
    el('input', { id: 'import-mode-' + value, type: 'radio', name: 'mode', value, checked }),
    el('label', { for: 'import-mode-' + value }, label, el('span', { class: 'hint-inline' }, ' — ', hint)));
  const submit = el('button', { type: 'submit' }, 'Import');
  const form = el('form', { id: 'import-form', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'import-file' }, 'CSV file'), file,
      el('p', { id: 'import-file-hint', class: 'hint-inline' },
        'UTF-8 with a header row; needs a name column. A line with an id updates that account.')),
    el('div', { class: 'field' }, el('label', { for: 'import-unit' }, 'Business unit for lines without one'), unit,
      el('p', { id: 'import-unit-hint', class: 'hint-inline' },
        'Lines that name their business unit keep it.')),
    el('fieldset', {}, el('legend', {}, 'When a line is bad'),
      mode('all-or-nothing', 'Store nothing', 'fix the file and import it again', true),
      mode('partial', 'Store the good lines', 'and list the bad ones', false)),
    el('div', { class: 'actions' }, submit));
  const progress = el('div', { class: 'progress', hidden: true });
  const result = el('div', {});
  element.replaceChildren(heading,
    el('section', { class: 'panel', 'aria-labelledby': 'import-form-title' },
      el('h2', { id: 'import-form-title' }, 'Upload a file'), form,
      el('details', {}, el('summary', {}, 'Columns a file may use'), el('p', {}, COLUMNS))),
    progress, result);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    result.replaceChildren();
    const query = new URLSearchParams({ mode: form.elements.mode.value });
    if (unit.value) {
      query.set('businessUnit', unit.value);
    }
    const finished = await uploadJob(context, { form, submit, progress, barId: 'import-progress',
      path: '/accounts/import?' + query, mediaType: 'text/csv', input: file, missing: 'Choose a CSV file to import.',
      page: element,
      labels: { body: 'CSV file' } });
    if (finished) {
      showResult(el, result, finished);
    }
  });
}

function showResult(el, result, job) {
  const ok = job.state === 'succeeded';
  const problems = job.problems || [];
  result.replaceChildren(el('section', { class: 'panel', id: 'import-result', 'aria-labelledby': 'import-result-title' },
    el('h2', { id: 'import-result-title', tabindex: '-1' }, ok ? 'Import finished' : 'Import failed'),
    el('p', { class: ok ? 'good' : 'error' }, job.summary || (ok ? 'Done.' : 'The import failed.')),
    el('dl', { class: 'counts' },
      el('dt', {}, 'Lines in the file'), el('dd', { id: 'import-total' }, String(Math.max(job.total, 0))),
      el('dt', {}, 'Accounts stored'), el('dd', { id: 'import-done' }, String(job.done)),
      el('dt', {}, 'Problems'), el('dd', { id: 'import-problem-count' }, String(problems.length))),
    problems.length === 0 ? null : listTools(el, el('div', { class: 'table-wrap', tabindex: '0', role: 'region',
      'aria-label': 'Bad lines' }, el('table', { id: 'import-problems' },
      el('caption', {}, 'Bad lines (the header is line 1)'),
      el('thead', {}, el('tr', {}, ['Line', 'Field', 'Message'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, problems.map(p => el('tr', {},
        el('th', { scope: 'row' }, p.line > 0 ? String(p.line) : 'File'),
        el('td', {}, p.field || ''),
        el('td', { class: 'wrap' }, p.message)))))), { fileName: 'import problems' })));
  result.querySelector('h2').focus();
}
