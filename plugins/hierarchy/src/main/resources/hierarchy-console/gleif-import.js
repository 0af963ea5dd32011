// GLEIF import (#/hierarchy-gleif/<hierarchy id>): a ZIP of GLEIF's LEI-CDF (entities) and RR-CDF (relationships)
// golden-copy CSV files uploaded with a progress bar, then the import job followed until it ends; the report lists
// every problem with its file, line and column: placeholders for LEIs without an entity record, inactive links,
// ultimate parents that disagree with the direct chain.
import { uploadJob } from '/console/kit/v1/jobs.js';
import { cell, dataTable } from '/console/kit/v1/tables.js';
import { hierarchyOrPick } from './common.js';

const PAGE = 'hierarchy-gleif';
const TITLE = 'GLEIF import';

export async function render(element, context) {
  const hierarchy = await hierarchyOrPick(element, context, PAGE, TITLE);
  if (!hierarchy) {
    return;
  }
  const { el, session } = context;
  const editable = context.units.filter(u => session.admin
    || (session.grants[u.id] || []).some(r => r === 'key-account-manager' || r === 'bu-admin'));
  const file = el('input', { id: 'gleif-file', name: 'body', type: 'file', accept: '.zip,application/zip',
    'aria-describedby': 'gleif-file-hint' });
  const unit = el('select', { id: 'gleif-unit', name: 'businessUnit' },
    editable.map(u => el('option', { value: u.id, selected: u.id === hierarchy.businessUnit }, u.name)));
  const submit = el('button', { type: 'submit' }, 'Import');
  const form = el('form', { id: 'gleif-form', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'gleif-file' }, 'ZIP of golden-copy files'), file,
      el('p', { id: 'gleif-file-hint', class: 'hint-inline' },
        'One LEI-CDF file (entities) and one RR-CDF file (relationships), CSV as GLEIF publishes them. '
        + 'Importing the same files again changes nothing.')),
    el('div', { class: 'field' }, el('label', { for: 'gleif-unit' }, 'Business unit of accounts created'), unit),
    el('div', { class: 'actions' }, submit));
  const progress = el('div', { class: 'progress', hidden: true });
  const result = el('div', { id: 'gleif-result' });
  element.replaceChildren(el('div', { class: 'page-head' }, el('h1', {}, TITLE + ': ' + hierarchy.name),
    el('a', { href: context.href('hierarchy-tree', hierarchy.id) }, 'Back to the hierarchy')),
  el('section', { class: 'panel', 'aria-labelledby': 'gleif-form-title' },
    el('h2', { id: 'gleif-form-title' }, 'Upload the files'), form),
  progress, result);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    result.replaceChildren();
    const path = '/hierarchies/' + encodeURIComponent(hierarchy.id) + '/imports/gleif'
      + (unit.value ? '?' + new URLSearchParams({ businessUnit: unit.value }) : '');
    const ended = await uploadJob(context, { form, submit, progress, barId: 'gleif-progress', path,
      mediaType: 'application/zip', input: file, missing: 'Choose a ZIP file to import.', page: element, what: 'links',
      labels: { body: 'ZIP file' } });
    if (ended) {
      report(el, result, ended);
    }
  });
}

/** The job's summary and its problems by line, the file and column split out of the problem's field. */
function report(el, result, job) {
  const ok = job.state === 'succeeded';
  const problems = job.problems || [];
  result.replaceChildren(el('section', { class: 'panel', 'aria-labelledby': 'gleif-result-title' },
    el('h2', { id: 'gleif-result-title', tabindex: '-1' }, ok ? 'Import finished' : 'Import failed'),
    el('p', { id: 'gleif-summary', class: ok ? 'good' : 'error' }, job.summary || job.state),
    dataTable(el, 'Problems by line (the header is line 1)', ['Line', 'File', 'Column', 'Problem'],
      problems.map(p => {
        const at = (p.field || '').indexOf('.csv');
        const fileName = at < 0 ? '' : p.field.slice(0, at + 4);
        const column = at < 0 ? p.field || '' : p.field.slice(at + 5);
        return [cell(p.line > 0 ? String(p.line) : '—', p.line), fileName, column, p.message];
      }), { empty: 'No problem: every line was imported.', numeric: [0] })));
  result.querySelector('h2').focus();
}
