// Data tables for console pages: a caption, column headers, the first cell of each row as its row header, in a
// region that scrolls sideways by itself (and by keyboard) when the table is wider than the page.

/**
 * rows: arrays of cells (text or nodes). options.empty: the text shown instead of a table without rows (none: an
 * empty table); options.numeric: the indexes of right-aligned columns.
 */
export function dataTable(el, caption, headers, rows, { empty, numeric = [] } = {}) {
  if (rows.length === 0 && empty !== undefined) {
    return el('p', { class: 'empty' }, empty);
  }
  const align = i => (numeric.includes(i) ? 'number' : null);
  return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    el('table', {}, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headers.map((h, i) => el('th', { scope: 'col', class: align(i) }, h)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) => i === 0
        ? el('th', { scope: 'row' }, c) : el('td', { class: align(i) }, c)))))));
}
