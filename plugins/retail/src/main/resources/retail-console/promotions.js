// A retailer's promotion calendar (#/retail-promotions/<retailer id>?year=<yyyy>) and a promotion's post-event
// evaluation with a baseline-vs-actual chart (&promotion=<id>). A promotion that lost volume shows a negative lift.
import { dataTable } from '/console/kit/v1/tables.js';
import { draw } from '/console/kit/v1/charts.js';
import { retailerOrPick, guarded, num, figure, escapeHtml } from './common.js';

const PAGE = 'retail-promotions';
const TITLE = 'Promotions';
const DAY = 24 * 3600 * 1000;

export async function render(element, context) {
  await guarded(element, context, TITLE, async () => {
    const retailer = await retailerOrPick(element, context, PAGE, TITLE);
    if (!retailer) {
      return;
    }
    const { el, api } = context;
    const year = Number(context.route.params.get('year')) || new Date().getUTCFullYear();
    const base = '/retail/retailers/' + encodeURIComponent(retailer.id) + '/promotions';
    const views = (await api(base + '?' + new URLSearchParams({ from: year + '-01-01', to: year + '-12-31' }))).items;
    const chosen = context.route.params.get('promotion');
    const link = (v, text) => el('a', { href: context.href(PAGE, retailer.id, { year: String(year), promotion: v.promotion.id }) }, text);
    const yearSelect = el('select', { id: 'promotions-year' }, [year - 1, year, year + 1].map(y =>
      el('option', { value: String(y), selected: y === year }, String(y))));
    yearSelect.addEventListener('change', () => context.navigate(context.href(PAGE, retailer.id, { year: yearSelect.value })));
    const calendar = figure(el, 'promotion-calendar', `Promotion calendar of ${retailer.name} in ${year}: one bar per `
      + 'promotion from its start to its end; the table below lists the same promotions.', Math.max(160, 60 + 34 * views.length) + 'px');
    const parts = [el('h1', {}, TITLE + ': ' + retailer.name),
      el('div', { class: 'field' }, el('label', { for: 'promotions-year' }, 'Year'), yearSelect)];
    if (views.length === 0) {
      parts.push(el('p', { class: 'empty' }, 'No promotion in ' + year + '.'));
      element.replaceChildren(...parts);
      return;
    }
    parts.push(el('h2', {}, 'Calendar'), calendar.element,
      dataTable(el, 'Promotions of ' + year, ['Promotion', 'Mechanic', 'From', 'To', 'Baseline', 'Actual', 'Lift %', 'ROI'],
        views.map(v => [link(v, v.promotion.name), v.promotion.mechanic, v.promotion.startsOn, v.promotion.endsOn,
          num(v.baseline), num(v.promotion.actualVolume), num(v.evaluation && v.evaluation.liftPercent),
          num(v.evaluation && v.evaluation.roi)]), { numeric: [4, 5, 6, 7] }));
    const selected = views.find(v => v.promotion.id === chosen);
    let evaluation = null;
    if (selected) {
      evaluation = figure(el, 'promotion-evaluation', `Baseline, planned and actual volume of ${selected.promotion.name}`,
        '280px');
      parts.push(...evaluate(el, selected, evaluation.element));
    }
    element.replaceChildren(...parts);

    // bars from the start day to the end day of the year, stacked on a transparent bar as long as the days before
    const start = Date.UTC(year, 0, 1);
    const dayOf = iso => Math.round((Date.parse(iso) - start) / DAY);
    await draw(calendar.chart, `Promotion calendar ${year}`, {
      grid: { left: 160, right: 24, top: 16, bottom: 32 },
      xAxis: { type: 'value', min: 0, max: 366,
        axisLabel: { formatter: day => new Date(start + day * DAY).toISOString().slice(5, 10) } },
      yAxis: { type: 'category', data: views.map(v => v.promotion.name), inverse: true },
      tooltip: { trigger: 'item', formatter: i => escapeHtml(i.name) },
      series: [
        { type: 'bar', stack: 'span', silent: true, itemStyle: { color: 'transparent' },
          data: views.map(v => Math.max(0, dayOf(v.promotion.startsOn))) },
        { type: 'bar', stack: 'span', itemStyle: { color: '#2f6fb0' },
          data: views.map(v => ({ name: `${v.promotion.name}: ${v.promotion.startsOn} to ${v.promotion.endsOn}`,
            value: dayOf(v.promotion.endsOn) - Math.max(0, dayOf(v.promotion.startsOn)) + 1 })) }]
    });
    if (evaluation) {
      const e = selected.evaluation;
      await draw(evaluation.chart, 'Baseline against actual volume', {
        grid: { left: 64, right: 16, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: ['Baseline', 'Planned', 'Actual'] },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [selected.baseline || 0, selected.promotion.plannedVolume,
          e ? e.actual : 0].map((value, i) => ({ value, itemStyle: { color: i === 2 && e && e.incrementalVolume < 0
            ? '#b3261e' : ['#8a94a3', '#c9a227', '#2f6fb0'][i] } })) }]
      });
    }
  });
}

function evaluate(el, view, chartFigure) {
  const p = view.promotion;
  const e = view.evaluation;
  const heading = el('h2', { id: 'promotion-evaluation-heading' }, 'Evaluation: ' + p.name);
  if (!e) {
    return [heading, el('p', {}, 'The evaluation follows once the actual volume is in.')];
  }
  return [heading, chartFigure,
    dataTable(el, 'Evaluation of ' + p.name, ['Figure', 'Value'], [
      ['Baseline (' + (view.baselineSource || 'none') + ')', num(view.baseline)],
      ['Actual volume', num(e.actual)],
      ['Incremental volume', num(e.incrementalVolume)],
      ['Lift %', num(e.liftPercent)],
      ['Trade spend', num(e.spend)],
      ['Cost per incremental unit', num(e.costPerIncrementalUnit)],
      ['Incremental gross profit', num(e.incrementalGrossProfit)],
      ['ROI', num(e.roi)]], { numeric: [1] }),
    el('p', { class: 'note' }, 'ROI convention: ' + e.roiConvention + '.')];
}
