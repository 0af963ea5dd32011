// A node's rollup: own / children / total of each figure in the reporting currency with the rates used, and a
// treemap of the total sales of its children (the first CHART_CHILDREN of them), with the same figures as a table.
import { show } from '/console/kit/v1/dom.js';
import { treemapChart } from '/console/kit/v1/charts.js';
import { cell, dataTable } from '/console/kit/v1/tables.js';
import { money } from '/console/kit/v1/format.js';
import { nodePath } from './common.js';

const FIGURES = [['sales', 'Sales'], ['contributionMargin', 'Contribution margin'], ['potential', 'Potential'],
  ['openPipeline', 'Open pipeline'], ['weightedPipeline', 'Weighted pipeline']];
const COUNTS = [['accounts', 'Accounts'], ['opportunities', 'Open opportunities']];
const PARTS = ['own', 'children', 'total'];
const CHART_CHILDREN = 50;
const PARALLEL = 6;

/** Fills section with the node's figures on the day asOf. */
export async function rollup(context, section, hierarchyId, node, asOf) {
  const { el, api } = context;
  const r = await api(nodePath(hierarchyId, node.id, '/rollup?asOf=' + encodeURIComponent(asOf)));
  show(section, el('h2', { id: 'hierarchy-rollup-title' }, 'Rollup: ' + node.name),
    dataTable(el, node.name + ' on ' + r.asOf + ' in ' + r.currency, ['Figure', 'Own', 'Children', 'Total'],
      [...FIGURES.map(([key, label]) => [label, ...PARTS.map(p => figure(r.money[key][p], r.currency))]),
        ...COUNTS.map(([key, label]) => [label, ...PARTS.map(p => String(r.counts[key][p]))])],
      { numeric: [1, 2, 3], sortable: false }),
    el('p', { id: 'hierarchy-rates' }, r.rates.length === 0 ? 'No exchange rate was needed.'
      : 'Rates used: ' + r.rates.map(x => `1 ${x.from} = ${x.rate} ${x.to} (published ${x.publishedOn})`).join('; ')),
    r.hiddenNodes > 0 ? el('p', { class: 'note' }, r.hiddenNodes + ' account(s) of units you may not see are left out.')
      : null);
  return r;
}

/**
 * Fills section with a treemap of sales (total, in the reporting currency) by child of the node: each child's
 * subtree is a tile, the node's own sales one more; a table beside it holds the same figures.
 */
export async function salesByChild(context, section, hierarchyId, node, asOf, own) {
  const { el, api } = context;
  const level = await api('/hierarchies/' + encodeURIComponent(hierarchyId) + '/nodes?' + new URLSearchParams({
    parentId: node.id, asOf, limit: String(CHART_CHILDREN) }));
  const children = level.items;
  const totals = await inBatches(children, child =>
    api(nodePath(hierarchyId, child.id, '/rollup?asOf=' + encodeURIComponent(asOf))));
  const currency = own.currency;
  const parts = children.map((child, i) => [child.name, totals[i].money.sales.total]);
  parts.push([node.name + ' itself', own.money.sales.own]);
  const items = parts.map(([name, m]) => ({ name, value: Number(m.amount), label: figure(m, currency) }));
  const apart = parts.some(([, m]) => Object.keys(m.unconverted || {}).length > 0);
  items.sort((a, b) => b.value - a.value);
  const title = 'Sales by child of ' + node.name + ' on ' + asOf + ' in ' + currency;
  const heading = el('h2', { id: 'hierarchy-chart-title' }, 'Sales by child');
  if (children.length === 0 || items.every(i => i.value <= 0)) {
    show(section, heading, el('p', { class: 'empty', id: 'hierarchy-chart-empty' }, children.length === 0
      ? node.name + ' has no child on this day.' : 'No sales below ' + node.name + ' on this day.'));
    return;
  }
  const chart = el('div', { class: 'chart', id: 'hierarchy-treemap' });
  show(section, heading,
    level.total > children.length ? el('p', { class: 'muted' },
      `The ${children.length} first of ${level.total} children, each with its whole subtree.`) : null,
    chart,
    apart ? el('p', { class: 'muted', id: 'hierarchy-chart-apart' }, 'Amounts in currencies without a rate to '
      + currency + ' on this day are left out of the areas; the labels and the table show them.') : null,
    el('details', {}, el('summary', {}, 'Sales by child as a table'),
      dataTable(el, title, ['Part', 'Sales (total)'], items.map(i => [i.name, cell(i.label, i.value)]),
        { numeric: [1], sorted: [1, 'descending'] })));
  await treemapChart(chart, { label: title, items });
}

/** Runs work on every item, PARALLEL at a time, resolving to the answers in the items' order. */
async function inBatches(items, work) {
  const out = [];
  for (let i = 0; i < items.length; i += PARALLEL) {
    out.push(...await Promise.all(items.slice(i, i + PARALLEL).map(work)));
  }
  return out;
}

/** A figure in the reporting currency, with what had no rate to it added in its own currency. */
function figure(m, currency) {
  const apart = Object.entries(m.unconverted || {}).map(([c, v]) => ' + ' + money(v, c));
  return money(m.amount, currency) + apart.join('');
}
