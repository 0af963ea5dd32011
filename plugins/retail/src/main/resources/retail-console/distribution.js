// Distribution KPIs of a product at a retailer (#/retail-distribution/<retailer id>?product=<id>&date=<day>):
// the retailer, each banner and each region as its own universe (every figure recomputed, never summed), and the
// trend of the last 12 weeks.
import { dataTable } from '/console/kit/v1/tables.js';
import { lineChart } from '/console/kit/v1/charts.js';
import { retailerOrPick, guarded, products, productSelect, num, figure } from './common.js';

const PAGE = 'retail-distribution';
const TITLE = 'Distribution';

export async function render(element, context) {
  await guarded(element, context, TITLE, async () => {
    const retailer = await retailerOrPick(element, context, PAGE, TITLE);
    if (!retailer) {
      return;
    }
    const { el, api } = context;
    const base = '/retail/retailers/' + encodeURIComponent(retailer.id);
    const [list, banners, stores] = await Promise.all([products(context, retailer.businessUnit),
      api(base + '/banners'), api(base + '/stores')]);
    if (list.length === 0) {
      element.replaceChildren(el('h1', {}, TITLE + ': ' + retailer.name), el('p', { class: 'empty' }, 'No product yet.'));
      return;
    }
    const product = context.route.params.get('product') || list[0].id;
    const date = context.route.params.get('date') || new Date().toISOString().slice(0, 10);
    const go = (p, d) => context.navigate(context.href(PAGE, retailer.id, { product: p, date: d }));
    const kpi = params => api(base + '/distribution?' + new URLSearchParams({ productId: product, date, ...params }));
    const regions = [...new Set(stores.items.map(s => s.region))].sort();
    const universes = [{ name: 'All stores of ' + retailer.name, params: {} },
      ...banners.items.map(b => ({ name: 'Banner ' + b.name, params: { bannerId: b.id } })),
      ...regions.map(r => ({ name: 'Region ' + r, params: { region: r } }))];
    const figures = await Promise.all(universes.map(u => kpi(u.params)));
    const weeks = [...Array(12).keys()].reverse().map(i => {
      const d = new Date(date + 'T00:00:00Z');
      d.setUTCDate(d.getUTCDate() - 7 * i);
      return d.toISOString().slice(0, 10);
    });
    const trend = await Promise.all(weeks.map(d => api(base + '/distribution?'
      + new URLSearchParams({ productId: product, date: d }))));

    const dateInput = el('input', { id: 'distribution-date', type: 'date', value: date });
    dateInput.addEventListener('change', () => dateInput.value && go(product, dateInput.value));
    const chart = figure(el, 'distribution-trend', `Numeric and ACV-weighted distribution of the product at ${retailer.name}`
      + ' over the 12 weeks to ' + date + '; the table below lists the same figures.', '300px');
    element.replaceChildren(
      el('h1', {}, TITLE + ': ' + retailer.name),
      el('div', { class: 'filters' }, productSelect(context, 'distribution-product', list, product, p => go(p, date)),
        el('div', { class: 'field' }, el('label', { for: 'distribution-date' }, 'Day'), dateInput)),
      dataTable(el, 'Distribution on ' + date + ' by store universe',
        ['Universe', 'Stores', 'Carrying', 'Numeric %', 'ACV-weighted %', 'PCV-weighted %', 'Out of stock %',
          'Out of stock, ACV %'],
        universes.map((u, i) => {
          const f = figures[i].figures;
          return [u.name, num(f.stores), num(f.carrying), num(f.numeric), num(f.acvWeighted), num(f.pcvWeighted),
            num(f.outOfStockNumeric), num(f.outOfStockAcvWeighted)];
        }), { numeric: [1, 2, 3, 4, 5, 6, 7] }),
      el('h2', {}, 'Trend'), chart.element,
      dataTable(el, 'Distribution by week', ['Day', 'Numeric %', 'ACV-weighted %'],
        trend.map((t, i) => [weeks[i], num(t.figures.numeric), num(t.figures.acvWeighted)]), { numeric: [1, 2] }));
    await lineChart(chart.chart, { label: 'Distribution trend', series: [
      { name: 'Numeric %', points: trend.map((t, i) => [weeks[i], t.figures.numeric]) },
      { name: 'ACV-weighted %', points: trend.map((t, i) => [weeks[i], t.figures.acvWeighted]) }] });
  });
}
