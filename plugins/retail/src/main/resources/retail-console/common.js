// What the retail pages share: choosing a retailer (an account of the chosen unit) and products, number texts.
import { problemText } from '/console/kit/v1/dom.js';
import { number } from '/console/kit/v1/format.js';
export { escapeHtml } from '/console/kit/v1/charts.js';

/**
 * The retailer a page shows (its id is the address' path). Without one, lists the accounts of the chosen unit to
 * pick from and returns null.
 */
export async function retailerOrPick(element, context, page, title) {
  const { el, api } = context;
  const id = context.route.path;
  if (id) {
    return api('/accounts/' + encodeURIComponent(id));
  }
  const query = new URLSearchParams({ limit: '200', sort: 'name' });
  if (context.businessUnit) {
    query.set('businessUnit', context.businessUnit);
  }
  const accounts = await api('/accounts?' + query);
  element.replaceChildren(el('h1', {}, title),
    el('p', {}, 'Choose a retailer.'),
    accounts.items.length === 0 ? el('p', { class: 'empty' }, 'No account.')
      : el('ul', { id: 'retail-retailers' }, accounts.items.map(a =>
        el('li', {}, el('a', { href: context.href(page, a.id) }, a.name)))));
  return null;
}

/** Runs a page's work, showing a 404 as "retail is not enabled" and other failures as an alert. */
export async function guarded(element, context, title, work) {
  try {
    await work();
  } catch (error) {
    const { el } = context;
    const text = error && error.problem && error.problem.status === 404
      ? 'Retail is not enabled for this business unit, or the record does not exist.' : problemText(error);
    element.replaceChildren(el('h1', {}, title), el('p', { role: 'alert' }, text));
  }
}

/** The unit's products, by brand and name. */
export async function products(context, unit) {
  return (await context.api('/retail/units/' + encodeURIComponent(unit) + '/products')).items;
}

/** A labelled select of products; the current one selected. */
export function productSelect(context, id, list, current, change) {
  const { el } = context;
  const select = el('select', { id }, list.map(p => el('option', { value: p.id, selected: p.id === current },
    `${p.brand} ${p.name} (${p.gtin})`)));
  select.addEventListener('change', () => change(select.value));
  return el('div', { class: 'field' }, el('label', { for: id }, 'Product'), select);
}

/** A number for people with up to two decimals (prices, ratios, percentages), or a dash when undefined. */
export function num(value, suffix = '') {
  return value === null || value === undefined ? '–' : `${number(value, 2)}${suffix}`;
}

/** A chart container of a given height with its caption; the caption names it for assistive technology. */
export function figure(el, id, caption, height) {
  const chart = el('div', { id });
  chart.style.width = '100%';
  chart.style.height = height;
  return { chart, element: el('figure', {}, chart, el('figcaption', {}, caption)) };
}
