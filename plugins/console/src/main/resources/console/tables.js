// Data tables for console pages: a caption, column headers, the first cell of each row as its row header, in a
// region that scrolls sideways by itself (and by keyboard) when the table is wider than the page.

/** rows: arrays of cells (text or nodes); empty: the text shown instead of a table without rows. */
export function dataTable(el, caption, headers, rows, empty) {
  if (rows.length === 0) {
    return el('p', { class: 'empty' }, empty);
  }
  return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    el('table', {}, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) => i === 0
        ? el('th', { scope: 'row' }, c) : el('td', {}, c)))))));
}
