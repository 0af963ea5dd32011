// The price waterfall of a product at a retailer (#/retail-waterfall/<retailer id>?product=<id>&year=<yyyy>): list,
// invoice, net and pocket price with each deduction as a waterfall chart, the pocket margin, and trade spend.
import { dataTable } from '/console/kit/v1/tables.js';
import { draw } from '/console/kit/v1/charts.js';
import { retailerOrPick, guarded, products, productSelect, num, figure, escapeHtml } from './common.js';

const PAGE = 'retail-waterfall';
const TITLE = 'Price waterfall';

export async function render(element, context) {
  await guarded(element, context, TITLE, async () => {
    const retailer = await retailerOrPick(element, context, PAGE, TITLE);
    if (!retailer) {
      return;
    }
    const { el, api } = context;
    const list = await products(context, retailer.businessUnit);
    if (list.length === 0) {
      element.replaceChildren(el('h1', {}, TITLE + ': ' + retailer.name), el('p', { class: 'empty' }, 'No product yet.'));
      return;
    }
    const product = context.route.params.get('product') || list[0].id;
    const year = Number(context.route.params.get('year')) || new Date().getUTCFullYear();
    const base = '/retail/retailers/' + encodeURIComponent(retailer.id);
    const [view, spend] = await Promise.all([
      api(base + '/waterfall?' + new URLSearchParams({ productId: product, year: String(year) })),
      api(base + '/trade-spend?' + new URLSearchParams({ year: String(year) }))]);
    const w = view.waterfall;
    // the bars: list price, each deduction hanging from the price before it, the stage prices, the pocket price
    const bars = [{ name: 'List price', low: 0, high: w.listPrice, kind: 'price' }];
    let price = Number(w.listPrice);
    const stageEnd = { 'on-invoice': ['Invoice price', w.invoicePrice], 'off-invoice': ['Net price', w.netPrice] };
    w.steps.forEach((s, i) => {
      bars.push({ name: s.name, low: price - Number(s.amount), high: price, kind: 'deduction' });
      price -= Number(s.amount);
      const next = w.steps[i + 1];
      if (stageEnd[s.stage] && (!next || next.stage !== s.stage)) {
        bars.push({ name: stageEnd[s.stage][0], low: 0, high: Number(stageEnd[s.stage][1]), kind: 'price' });
      }
    });
    bars.push({ name: 'Pocket price', low: 0, high: w.pocketPrice, kind: 'pocket' });
    const yearSelect = el('select', { id: 'waterfall-year' }, [year - 1, year, year + 1].map(y =>
      el('option', { value: String(y), selected: y === year }, String(y))));
    const go = (p, y) => context.navigate(context.href(PAGE, retailer.id, { product: p, year: String(y) }));
    yearSelect.addEventListener('change', () => go(product, yearSelect.value));
    const chart = figure(el, 'waterfall-chart', `Price waterfall per unit of the product at ${retailer.name} in ${year}`
      + `, discounts ${w.compound ? 'compounding' : 'adding up'}; the table below lists the same steps.`, '340px');
    element.replaceChildren(
      el('h1', {}, TITLE + ': ' + retailer.name),
      el('div', { class: 'filters' }, productSelect(context, 'waterfall-product', list, product, p => go(p, year)),
        el('div', { class: 'field' }, el('label', { for: 'waterfall-year' }, 'Year'), yearSelect)),
      chart.element,
      dataTable(el, 'Waterfall steps per unit', ['Step', 'Stage', 'Percent', 'Amount', 'Price after'],
        bars.map(b => [b.name, b.kind === 'deduction' ? 'deduction' : 'price', '',
          b.kind === 'deduction' ? num(-(b.high - b.low)) : num(b.high), num(b.kind === 'deduction' ? b.low : b.high)])
          .map((row, i) => { const step = w.steps.find(s => s.name === bars[i].name);
            row[2] = step && step.percent !== null ? num(step.percent, ' %') : ''; return row; }),
        { numeric: [2, 3, 4] }),
      el('p', { id: 'waterfall-margin' }, `Pocket margin: ${num(w.pocketMarginPercent, ' %')} (cost ${num(w.cost)}); `
        + `yearly amounts spread over ${num(view.annualVolume)} units.`),
      el('h2', {}, 'Trade spend ' + year),
      dataTable(el, 'Trade spend of ' + retailer.name + ' in ' + year, ['Figure', 'Amount'], [
        ['Gross sales (sell-in at list price)', num(spend.grossSales)], ['Discounts', num(spend.discounts)],
        ['Co-op advertising and listing fees', num(spend.fixedAmounts)], ['Promotions', num(spend.promotionSpend)],
        ['Total trade spend', num(spend.total)], ['Share of gross sales', num(spend.percentOfGrossSales, ' %')]],
      { numeric: [1] }));
    await draw(chart.chart, 'Price waterfall', {
      grid: { left: 56, right: 16, top: 16, bottom: 72 },
      xAxis: { type: 'category', data: bars.map(b => b.name), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      tooltip: { trigger: 'item', formatter: i => escapeHtml(i.name + ': ' + num(bars[i.dataIndex].high - bars[i.dataIndex].low)) },
      series: [
        { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: bars.map(b => b.low) },
        { type: 'bar', stack: 'w', data: bars.map(b => ({ value: b.high - b.low, itemStyle: { color:
          b.kind === 'deduction' ? '#b3261e' : b.kind === 'pocket' ? '#2e7d32' : '#2f6fb0' } })) }]
    });
  });
}
