// Data tables for console pages: a caption, column headers, the first cell of each row as its row header, in a
// region that scrolls sideways by itself (and by keyboard) when the table is wider than the page. Lists sort by a
// click on a column header (aria-sort says how) and download as CSV exactly the rows and columns shown; on a phone
// each row stacks its cells under their column names (console.css), so no column is cut.

const CELL = Symbol('cell');
const COLLATOR = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** First characters that make a spreadsheet read a cell as a formula, as the server's export neutralises them. */
const FORMULA_START = '=+-@\t\r\'';
const CONTROLS = 'button, input, select, textarea';

/**
 * A cell shown as `shown` (text or a node) that sorts by `value` (a number, or text such as an ISO day), for money,
 * days and other cells whose shown text does not sort the way the values do.
 */
export function cell(shown, value) {
  return { [CELL]: true, shown, value };
}

/**
 * rows: arrays of cells (text, nodes or cell(shown, value)). options.empty: the text shown instead of a table without
 * rows (none: an empty table); options.numeric: the indexes of right-aligned columns; options.sorted: [column,
 * 'ascending' | 'descending'], the order the rows come in; options.sortable and options.download (default true):
 * see listTools.
 */
export function dataTable(el, caption, headers, rows, { empty, numeric = [], sorted, sortable = true,
  download = true } = {}) {
  if (rows.length === 0 && empty !== undefined) {
    return el('p', { class: 'empty' }, empty);
  }
  const align = i => (numeric.includes(i) ? 'number' : null);
  const content = c => (c && c[CELL] ? c.shown : c);
  const value = c => (c && c[CELL] && c.value !== null && c.value !== undefined ? String(c.value) : null);
  const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    el('table', {}, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headers.map((h, i) => el('th', { scope: 'col', class: align(i) }, h)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) => i === 0
        ? el('th', { scope: 'row', 'data-value': value(c) }, content(c))
        : el('td', { class: align(i), 'data-value': value(c) }, content(c))))))));
  return listTools(el, wrap, { sorted, sortable, download, fileName: caption });
}

/**
 * Makes a table (or the region holding it) a list the user can work: every column whose header has no aria-sort yet
 * and whose cells are not just buttons sorts the rows in the browser (a cell's data-value, else its text); a
 * "Download CSV" button saves the rows and columns as shown, in the order shown; each cell learns its column's name
 * (data-label) for the stacked phone layout. options.sortable: false for a list the server sorts (its headers keep
 * their own buttons); options.download: false for none; options.fileName: the file's name (from the caption
 * otherwise). Returns what it was given.
 */
export function listTools(el, holder, { sorted, sortable = true, download = true, fileName } = {}) {
  const table = holder.tagName === 'TABLE' ? holder : holder.querySelector('table');
  const headers = [...table.querySelectorAll('thead th')];
  const body = table.tBodies[0];
  const rows = body ? [...body.rows] : [];
  const actions = headers.map((h, i) => h.textContent.trim() === '' || (rows.some(r => hasControl(r.cells[i]))
    && rows.every(r => !r.cells[i] || sortKey(r.cells[i]) === '')));
  table.classList.add('list');
  rows.forEach(r => [...r.cells].forEach((c, i) => {
    if (headers[i] && !actions[i] && !(c.tagName === 'TH' && c.scope === 'row')) {
      c.setAttribute('data-label', label(headers[i]));
    }
    if (!hasControl(c) && shownText(c) === '') {
      c.classList.add('blank'); // a phone leaves it out of the row's stack
    }
  }));
  if (sortable && rows.length > 1) {
    headers.forEach((h, i) => {
      if (!actions[i] && !h.hasAttribute('aria-sort')) {
        sortableHeader(el, table, h, i, sorted && sorted[0] === i ? sorted[1] : 'none');
      }
    });
  }
  if (download && rows.length > 0) {
    const name = table.caption ? table.caption.textContent.trim() : fileName || 'list';
    const button = el('button', { type: 'button', class: 'secondary small download-csv' }, 'Download CSV',
      el('span', { class: 'visually-hidden' }, ': ' + name));
    button.addEventListener('click', () => save(csv(table, actions), fileName || name));
    table.before(el('div', { class: 'table-tools' }, button));
  }
  return holder;
}

function sortableHeader(el, table, header, index, initial) {
  const title = [...header.childNodes];
  const arrow = el('span', { class: 'sort-arrow', 'aria-hidden': 'true' });
  const button = el('button', { type: 'button', class: 'sort', 'data-column': String(index) }, title, arrow);
  header.replaceChildren(button);
  header.setAttribute('aria-sort', initial);
  showArrow(header);
  button.addEventListener('click', () => {
    const way = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    for (const other of table.querySelectorAll('thead th[aria-sort]')) {
      other.setAttribute('aria-sort', other === header ? way : 'none');
      showArrow(other);
    }
    sortRows(table, index, way);
  });
}

function showArrow(header) {
  const arrow = header.querySelector('.sort-arrow');
  const way = header.getAttribute('aria-sort');
  if (arrow) {
    arrow.textContent = way === 'ascending' ? ' ▲' : way === 'descending' ? ' ▼' : '';
  }
}

/** Sorts the rows by one column; numbers as numbers, texts in the browser's language, empty cells last either way. */
function sortRows(table, index, way) {
  const body = table.tBodies[0];
  const keyed = [...body.rows].map((row, at) => ({ row, at, key: sortKey(row.cells[index]) }));
  const numbers = keyed.every(k => k.key === '' || Number.isFinite(Number(k.key)));
  const sign = way === 'descending' ? -1 : 1;
  keyed.sort((a, b) => {
    if ((a.key === '') !== (b.key === '')) {
      return a.key === '' ? 1 : -1;
    }
    const order = numbers ? Number(a.key) - Number(b.key) : COLLATOR.compare(a.key, b.key);
    return sign * order || a.at - b.at;
  });
  body.append(...keyed.map(k => k.row));
}

function sortKey(cellNode) {
  if (!cellNode) {
    return '';
  }
  if (cellNode.hasAttribute('data-value')) {
    return cellNode.getAttribute('data-value');
  }
  const text = shownText(cellNode);
  return text === '—' ? '' : text;
}

/**
 * A column whose cells hold controls (an Edit, a Remove button) and no text besides is one of actions, neither
 * sorted nor exported.
 */
function hasControl(cellNode) {
  return Boolean(cellNode && cellNode.querySelector(CONTROLS));
}

/** A column's name: its header's text, sort button included. */
function label(header) {
  return shownText(header, true);
}

/**
 * The text a cell shows: without screen-reader-only texts, decorations and (unless asked) controls; list items
 * joined with "; ".
 */
function shownText(node, withControls = false) {
  if (node.nodeType === Node.TEXT_NODE) {
    return node.textContent;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || node.matches('.visually-hidden, [aria-hidden="true"]')
    || (!withControls && node.matches(CONTROLS))) {
    return '';
  }
  const parts = [...node.childNodes].map(n => shownText(n, withControls));
  const text = node.tagName === 'UL' || node.tagName === 'OL'
    ? parts.map(p => p.trim()).filter(Boolean).join('; ') : parts.join('');
  return text.replace(/\s+/g, ' ').trim();
}

/** The rows and columns shown, in the order shown, as RFC 4180 CSV; action columns left out. */
function csv(table, actions) {
  const lines = [...table.rows].map(row => [...row.cells].filter((c, i) => !actions[i])
    .map(c => quoted(neutralised(row.parentElement.tagName === 'THEAD' ? label(c) : shownText(c)))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A text a spreadsheet shows rather than runs: one starting like a formula gets a leading apostrophe. */
function neutralised(text) {
  return text !== '' && FORMULA_START.includes(text.charAt(0)) ? "'" + text : text;
}

function quoted(text) {
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** Saves the text as a file through the browser's download (a byte order mark so spreadsheets read UTF-8). */
function save(text, name) {
  const file = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'list';
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file + '.csv';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
