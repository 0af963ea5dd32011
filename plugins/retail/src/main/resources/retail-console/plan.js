// The joint business plan with a retailer against actuals (#/retail-plan/<retailer id>?year=<yyyy>[&asOf=<day>]):
// targets, actuals of the year so far and attainment, initiatives, and the linked promotions with their lift.
import { dataTable } from '/console/kit/v1/tables.js';
import { retailerOrPick, guarded, num } from './common.js';

const PAGE = 'retail-plan';
const TITLE = 'Joint business plan';

export async function render(element, context) {
  await guarded(element, context, TITLE, async () => {
    const retailer = await retailerOrPick(element, context, PAGE, TITLE);
    if (!retailer) {
      return;
    }
    const { el, api } = context;
    const year = Number(context.route.params.get('year')) || new Date().getUTCFullYear();
    const yearSelect = el('select', { id: 'plan-year' }, [year - 1, year, year + 1].map(y =>
      el('option', { value: String(y), selected: y === year }, String(y))));
    yearSelect.addEventListener('change', () => context.navigate(context.href(PAGE, retailer.id, { year: yearSelect.value })));
    const header = [el('h1', {}, TITLE + ': ' + retailer.name + ' ' + year),
      el('div', { class: 'field' }, el('label', { for: 'plan-year' }, 'Year'), yearSelect)];
    let view;
    try {
      const asOf = context.route.params.get('asOf');
      view = await api('/retail/retailers/' + encodeURIComponent(retailer.id) + '/plans/' + year
        + (asOf ? '?' + new URLSearchParams({ asOf }) : ''));
    } catch (error) {
      if (error && error.problem && error.problem.status === 404) {
        element.replaceChildren(...header, el('p', { class: 'empty' }, 'No joint business plan for ' + year + '.'));
        return;
      }
      throw error;
    }
    const p = view.plan;
    const accountPlan = p.accountPlanId ? el('p', { id: 'plan-account-plan' }, 'Part of the account plan: ',
      el('a', { href: context.href('accounts', retailer.id, { tab: 'plan' }) }, retailer.name + "'s development plan"))
      : null;
    const row = (name, target, actual, attainment, suffix) =>
      [name, num(target, suffix), num(actual, suffix), num(attainment, ' %')];
    element.replaceChildren(...header, ...(accountPlan ? [accountPlan] : []),
      dataTable(el, 'Targets against actuals on ' + view.asOf, ['Target', 'Target value', 'Actual', 'Attainment'], [
        row('Sell-in volume', p.sellInTarget, view.actuals.sellIn, view.attainmentPercent.sellIn, ''),
        row('Sell-out volume', p.sellOutTarget, view.actuals.sellOut, view.attainmentPercent.sellOut, ''),
        row('Distribution (ACV-weighted, focus product)', p.distributionTarget, view.actuals.distribution,
          view.attainmentPercent.distribution, ' %'),
        row('Category share', p.shareTarget, view.actuals.share, view.attainmentPercent.share, ' %')],
      { numeric: [1, 2, 3] }),
      el('h2', {}, 'Initiatives'),
      dataTable(el, 'Initiatives', ['Initiative', 'Owner', 'Due', 'Status'],
        p.initiatives.map(i => [i.title, i.owner || '', i.dueOn || '', i.status]), { empty: 'No initiative.' }),
      el('h2', {}, 'Promotions'),
      dataTable(el, 'Linked promotions', ['Promotion', 'From', 'To', 'Lift %', 'ROI'],
        view.promotions.map(v => [el('a', { href: context.href('retail-promotions', retailer.id,
          { year: String(year), promotion: v.promotion.id }) }, v.promotion.name), v.promotion.startsOn,
          v.promotion.endsOn, num(v.evaluation && v.evaluation.liftPercent), num(v.evaluation && v.evaluation.roi)]),
      { empty: 'No promotion linked.', numeric: [3, 4] }));
  });
}
