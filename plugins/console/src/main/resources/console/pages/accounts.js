// The built-in accounts page. #/accounts lists accounts (search, filters, pages of 50); #/accounts/new and
// #/accounts/<id>/edit are the account form; #/accounts/<id> is the account 360.
import { money } from '../format.js';
import { listTools } from '../tables.js';

export { money };

const LIMIT = 50;
/** The orders the API lists accounts in, as its sort parameter says them. */
const SORTS = ['name', '-name', 'annualSales', '-annualSales'];
export const STATUSES = ['prospect', 'active', 'inactive'];
export const TIERS = ['none', 'key', 'strategic'];

export async function render(element, context) {
  const [first, second] = context.route.path.split('/');
  if (first === 'new' || second === 'edit') {
    const form = await import('./account-form.js');
    return form.render(element, context, first === 'new' ? null : first);
  }
  if (first) {
    const account = await import('./account.js');
    return account.render(element, context, first);
  }
  return list(element, context);
}

async function list(element, context) {
  const { el, api, route } = context;
  const params = route.params;
  const choice = (id, label, values, current) => el('div', { class: 'field' },
    el('label', { for: id }, label),
    el('select', { id, name: id.replace('account-', '') },
      el('option', { value: '' }, 'Any'),
      values.map(v => el('option', { value: v, selected: v === current }, v))));
  const search = el('input', { id: 'account-search', type: 'search', name: 'q', value: params.get('q') || '' });
  const country = el('input', { id: 'account-country', type: 'text', name: 'country', maxlength: '2', size: '3',
    autocomplete: 'off', value: params.get('country') || '' });
  const mine = el('input', { id: 'account-mine', type: 'checkbox', name: 'mine', checked: params.get('owner') === 'me' });
  const form = el('form', { class: 'toolbar', role: 'search', 'aria-label': 'Find accounts' },
    el('div', { class: 'field' }, el('label', { for: 'account-search' }, 'Search accounts'), search),
    choice('account-tier', 'Tier', TIERS, params.get('tier')),
    choice('account-status', 'Status', STATUSES, params.get('status')),
    el('div', { class: 'field' }, el('label', { for: 'account-country' }, 'Country'), country),
    el('div', { class: 'field checkbox' }, mine, el('label', { for: 'account-mine' }, 'Only my accounts')),
    el('button', { type: 'submit' }, 'Search'));
  const results = el('div', { 'aria-live': 'polite' });
  element.replaceChildren(
    el('div', { class: 'page-head' }, el('h1', {}, 'Accounts'),
      el('a', { class: 'button', href: context.href('accounts', 'new') }, 'New account')),
    form, results);

  form.addEventListener('submit', event => {
    event.preventDefault();
    const query = {};
    const set = (key, value) => { if (value) { query[key] = value; } };
    set('q', search.value.trim());
    set('tier', form.elements.tier.value);
    set('status', form.elements.status.value);
    set('country', country.value.trim().toUpperCase());
    set('owner', mine.checked ? 'me' : '');
    context.navigate(context.href('accounts', '', query));
  });

  // what the list shows: the filters and the order, for the page and for the export alike
  const sort = SORTS.includes(params.get('sort')) ? params.get('sort') : 'name';
  const shown = new URLSearchParams({ sort });
  if (context.businessUnit) {
    shown.set('businessUnit', context.businessUnit);
  }
  for (const key of ['q', 'tier', 'status', 'country', 'owner']) {
    if (params.get(key)) {
      shown.set(key, params.get(key));
    }
  }
  form.append(el('a', { class: 'button secondary', id: 'account-export', download: 'accounts.csv',
    href: '/api/v1/accounts/export?' + shown }, 'Export CSV'));
  const sortBy = next => {
    const query = Object.fromEntries([...params].filter(([key]) => key !== 'sort'));
    query.sort = next;
    context.navigate(context.href('accounts', '', query));
  };

  const cursors = [null];
  // counted with the first page only: counting a large unit again for every further page costs more than the page
  let total = null;
  async function load(index) {
    const query = new URLSearchParams(shown);
    query.set('limit', String(LIMIT));
    if (index === 0 || total === null) {
      query.set('total', 'true');
    }
    if (cursors[index]) {
      query.set('cursor', cursors[index]);
    }
    const page = await api('/accounts?' + query);
    if (query.has('total')) {
      total = page.total;
    }
    cursors[index + 1] = page.nextCursor;
    results.replaceChildren(table(context, { ...page, total }, index, sort, sortBy), pager(el, page, index, go));
  }
  const go = index => load(index).catch(error => showError(el, results, error));
  try {
    await load(0);
  } catch (error) {
    if (error.status === 401) {
      throw error;
    }
    showError(el, results, error);
  }
}


/**
 * A column header that sorts the list: the first click sorts by the column (names A to Z, sales largest first),
 * the next one the other way; aria-sort says how the list is sorted.
 */
function sortHeader(el, title, field, firstWay, sort, sortBy, numeric) {
  const current = sort === field ? 'ascending' : sort === '-' + field ? 'descending' : null;
  const next = current === null ? (firstWay === 'descending' ? '-' + field : field)
    : current === 'ascending' ? '-' + field : field;
  const button = el('button', { type: 'button', class: 'sort', 'data-sort': field }, title,
    el('span', { 'aria-hidden': 'true' }, current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ''));
  button.addEventListener('click', () => sortBy(next));
  return el('th', { scope: 'col', class: numeric ? 'number' : null, 'aria-sort': current || 'none' }, button);
}

function table(context, page, index, sort, sortBy) {
  const { el } = context;
  if (page.items.length === 0) {
    return el('p', { role: 'status' }, 'No accounts match.');
  }
  const first = index * LIMIT + 1;
  const caption = page.total !== null && page.total !== undefined && page.total >= 0
    ? `Accounts ${first}–${first + page.items.length - 1} of ${page.total}` : `Accounts from ${first}`;
  // the server sorts and exports the whole list (sortHeader, Export CSV); the rows stack on a phone
  return listTools(el, el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {},
      sortHeader(el, 'Name', 'name', 'ascending', sort, sortBy, false),
      ['Business unit', 'Tier', 'Status', 'Country'].map(h => el('th', { scope: 'col' }, h)),
      sortHeader(el, 'Annual sales', 'annualSales', 'descending', sort, sortBy, true))),
    el('tbody', {}, page.items.map(a => el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: context.href('accounts', a.id) }, a.name)),
      el('td', {}, unitName(context, a.businessUnit)),
      el('td', {}, el('span', { class: 'badge tier-' + a.tier }, a.tier)),
      el('td', {}, a.status),
      el('td', {}, a.country || ''),
      el('td', { class: 'number' }, money(a.annualSales, a.currency))))))), { sortable: false, download: false });
}

export function unitName(context, id) {
  const unit = context.units.find(u => u.id === id);
  return unit ? unit.name : id;
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
