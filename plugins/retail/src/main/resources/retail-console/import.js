// Sell-out and sell-in import for a retailer (#/retail-import/<retailer id>): a CSV file uploaded with a progress
// bar, then the import job followed until it ends; the result lists every bad line (line, column, message).
import { uploadJob } from '/console/kit/v1/jobs.js';
import { dataTable } from '/console/kit/v1/tables.js';
import { retailerOrPick, guarded } from './common.js';

const PAGE = 'retail-import';
const TITLE = 'Sales import';

export async function render(element, context) {
  await guarded(element, context, TITLE, async () => {
    const retailer = await retailerOrPick(element, context, PAGE, TITLE);
    if (!retailer) {
      return;
    }
    const { el } = context;
    await context.api('/retail/retailers/' + encodeURIComponent(retailer.id) + '/banners'); // 404 without retail
    const choice = (name, value, label, hint, checked) => el('div', { class: 'check' },
      el('input', { id: `import-${name}-${value}`, type: 'radio', name, value, checked }),
      el('label', { for: `import-${name}-${value}` }, label, el('span', { class: 'hint-inline' }, ' — ', hint)));
    const file = el('input', { id: 'retail-import-file', name: 'body', type: 'file', accept: '.csv,text/csv' });
    const submit = el('button', { type: 'submit' }, 'Import');
    const form = el('form', { id: 'retail-import-form', novalidate: true },
      el('fieldset', {}, el('legend', {}, 'What the file holds'),
        choice('kind', 'sell-out', 'Sell-out', 'columns store (code), gtin, week, volume and optionally value', true),
        choice('kind', 'sell-in', 'Sell-in to ' + retailer.name, 'columns gtin, week, volume', false)),
      el('div', { class: 'field' }, el('label', { for: 'retail-import-file' }, 'CSV file'), file),
      el('fieldset', {}, el('legend', {}, 'When a line is bad'),
        choice('mode', 'all-or-nothing', 'Store nothing', 'fix the file and import it again', true),
        choice('mode', 'partial', 'Store the good lines', 'and list the bad ones', false)),
      el('div', { class: 'actions' }, submit));
    const progress = el('div', { class: 'progress', hidden: true });
    const result = el('div', { id: 'retail-import-result' });
    element.replaceChildren(el('h1', {}, TITLE + ': ' + retailer.name), form, progress, result);

    form.addEventListener('submit', async event => {
      event.preventDefault();
      result.replaceChildren();
      const kind = form.elements.kind.value;
      const path = (kind === 'sell-out' ? '/retail/units/' + encodeURIComponent(retailer.businessUnit) + '/sell-out'
        : '/retail/retailers/' + encodeURIComponent(retailer.id) + '/sell-in')
        + '?' + new URLSearchParams({ mode: form.elements.mode.value });
      const job = await uploadJob(context, { form, submit, progress, barId: 'retail-import-progress', path,
        mediaType: 'text/csv', input: file, missing: 'Choose a CSV file to import.', page: element,
        labels: { body: 'CSV file' } });
      if (job) {
        result.replaceChildren(el('h2', {}, job.state === 'succeeded' ? 'Import finished' : 'Import failed'),
          el('p', {}, job.summary || ''),
          dataTable(el, 'Bad lines (the header is line 1)', ['Line', 'Column', 'Problem'],
            (job.problems || []).map(p => [String(p.line), p.field || '', p.message]), { empty: 'No bad line.' }));
      }
    });
  });
}
