// The built-in account list: search, the chosen business unit, pages of 50.

const LIMIT = 50;

export async function render(element, context) {
  const { el, api } = context;
  const search = el('input', { id: 'account-search', type: 'search', name: 'q' });
  const form = el('form', { class: 'toolbar', role: 'search' },
    el('div', { class: 'field' }, el('label', { for: 'account-search' }, 'Search accounts'), search),
    el('button', { type: 'submit' }, 'Search'));
  const results = el('div', {});
  element.replaceChildren(el('h1', {}, 'Accounts'), form, results);

  const cursors = [null];
  async function load(index) {
    const query = new URLSearchParams({ limit: String(LIMIT), total: 'true', sort: 'name' });
    if (context.businessUnit) {
      query.set('businessUnit', context.businessUnit);
    }
    if (search.value.trim()) {
      query.set('q', search.value.trim());
    }
    if (cursors[index]) {
      query.set('cursor', cursors[index]);
    }
    const page = await api('/accounts?' + query);
    cursors[index + 1] = page.nextCursor;
    results.replaceChildren(table(el, page, index), pager(el, page, index, go));
  }
  const go = index => load(index).catch(error => showError(el, results, error));
  form.addEventListener('submit', event => {
    event.preventDefault();
    cursors.length = 1;
    go(0);
  });
  await load(0);
}

function table(el, page, index) {
  if (page.items.length === 0) {
    return el('p', { role: 'status' }, 'No accounts match.');
  }
  const first = index * LIMIT + 1;
  const caption = page.total !== null && page.total !== undefined && page.total >= 0
    ? `Accounts ${first}–${first + page.items.length - 1} of ${page.total}` : `Accounts from ${first}`;
  const money = (amount, currency) => amount === null || amount === undefined ? ''
    : `${Number(amount).toLocaleString()} ${currency || ''}`.trim();
  return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {},
      ['Name', 'Business unit', 'Tier', 'Status', 'Owner', 'Country'].map(h => el('th', { scope: 'col' }, h)),
      el('th', { scope: 'col', class: 'number' }, 'Annual sales'))),
    el('tbody', {}, page.items.map(a => el('tr', {},
      el('th', { scope: 'row' }, a.name),
      el('td', {}, a.businessUnit),
      el('td', {}, a.tier),
      el('td', {}, a.status),
      el('td', {}, a.owner || ''),
      el('td', {}, a.country || ''),
      el('td', { class: 'number' }, money(a.annualSales, a.currency)))))));
}

function pager(el, page, index, go) {
  const previous = el('button', { type: 'button', class: 'secondary', disabled: index === 0 }, 'Previous page');
  const next = el('button', { type: 'button', class: 'secondary', disabled: !page.nextCursor }, 'Next page');
  previous.addEventListener('click', () => go(index - 1));
  next.addEventListener('click', () => go(index + 1));
  return el('div', { class: 'pager' }, previous, next);
}

function showError(el, results, error) {
  const problem = error.problem || {};
  results.replaceChildren(el('p', { class: 'error', role: 'alert' }, problem.detail || error.message));
}
