// The portfolio matrix of a business unit as a bubble chart: our strength (x) against the customer's
// attractiveness (y), bubbles sized by annual sales, the model's cells labelled with their strategy, and an arrow
// from each account's previous position. The same data as a table, for screen readers and keyboards.
import { draw } from '/console/kit/v1/charts.js';
import { unitChoice, unitSelector, modelChoice, number, fitSelects } from './common.js';
import { money as inCurrency } from '/console/kit/v1/format.js';
import { listTools } from '/console/kit/v1/tables.js';

const DEFAULT_MODEL = 'portfolio-matrix';
/** Bubble diameters in pixels, smallest and largest account. */
const MIN_BUBBLE = 10;
const MAX_BUBBLE = 56;
/** How many of the largest bubbles show their account's name. */
const NAMED_BUBBLES = 8;
/** Cell fills by strategy, light enough for dark labels on them. */
const FILLS = {
  'Invest for growth': '#cfe8d5', 'Strategic': '#cfe8d5',
  'Invest selectively': '#e0efd0', 'Star': '#e0efd0',
  'Maintain': '#eef0f3', 'Status': '#eef0f3',
  'Manage for cash': '#fbecd0',
  'Withdraw': '#f7d9d6', 'Streamline': '#f7d9d6'
};

export async function render(element, context) {
  const { el, api } = context;
  const unit = unitChoice(context);
  const heading = el('h1', {}, 'Portfolio');
  if (!unit) {
    element.replaceChildren(heading, el('p', {}, 'You see no business unit, so there is no portfolio to show.'));
    return;
  }
  const wanted = context.route.params.get('model') || DEFAULT_MODEL;
  const [portfolio, models] = await Promise.all([
    page(api, unit, wanted, null),
    api('/scoring/models').catch(() => ({ items: [] }))
  ]);
  const go = (nextUnit, nextModel) => context.navigate(context.href('scoring-portfolio', '',
    { unit: nextUnit, model: nextModel }));
  const toolbar = el('div', { class: 'toolbar' },
    unitSelector(context, 'portfolio-unit', unit, value => go(value, wanted)),
    modelSelect(context, models.items, unit, wanted, value => go(unit, value)));
  const unitName = (context.units.find(u => u.id === unit) || { name: unit }).name;
  // a large unit comes a page at a time: each page's accounts join the chart and the tables
  const more = async () => {
    const next = await page(api, unit, wanted, portfolio.nextCursor);
    portfolio.points.push(...next.points);
    portfolio.unscored.push(...next.unscored);
    portfolio.nextCursor = next.nextCursor;
    await show(element, context, portfolio, wanted, unitName, [heading, toolbar], more);
    const focus = element.querySelector('#portfolio-more') || element.querySelector('#portfolio-table summary');
    if (focus) {
      focus.focus();
    }
  };
  await show(element, context, portfolio, wanted, unitName, [heading, toolbar], more);
}

/** One page of the unit's portfolio by name, from the cursor on (the first page without one). */
function page(api, unit, model, cursor) {
  const query = { businessUnit: unit, model };
  if (cursor) {
    query.cursor = cursor;
  }
  return api('/scoring/portfolio?' + new URLSearchParams(query));
}

async function show(element, context, portfolio, wanted, unitName, top, more) {
  const { el } = context;
  const placed = portfolio.points.filter(p => typeof p.attractiveness === 'number' && typeof p.strength === 'number');
  const parts = [...top];
  if (!portfolio.modelInstalled) {
    parts.push(el('p', { role: 'status' }, `The model ${wanted} is not installed; its stored scores are shown.`));
  }
  const figure = el('figure', { class: 'scoring-portfolio' });
  figure.style.margin = '0 0 1rem';
  parts.push(figure);
  element.replaceChildren(...parts);
  fitSelects(element); // long model names must not widen a narrow screen

  if (placed.length === 0) {
    figure.append(el('p', { role: 'status', id: 'portfolio-empty' },
      `No account of ${unitName} is placed in the matrix of ${wanted} yet.`));
  } else {
    await drawChart(context, figure, portfolio, placed, unitName);
  }
  element.append(...[shown(context, portfolio, unitName, more),
    portfolio.points.length ? accountTable(context, portfolio, placed) : null,
    unscoredList(context, portfolio)].filter(Boolean));
}

/** How much of a large unit is shown, and the button for its next page; nothing once the whole unit is. */
function shown(context, portfolio, unitName, more) {
  const { el } = context;
  if (!portfolio.nextCursor) {
    return null;
  }
  const count = portfolio.points.length + portfolio.unscored.length;
  const button = el('button', { type: 'button', id: 'portfolio-more' }, 'Show the next accounts');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await more();
    } finally {
      button.disabled = false; // a failed page leaves the button for another try
    }
  });
  return el('p', { id: 'portfolio-shown' },
    `The first ${count} of the ${portfolio.total} accounts of ${unitName} by name. `, button);
}

function modelSelect(context, models, unit, wanted, change) {
  const { el } = context;
  const choices = modelChoice(models, unit, wanted);
  if (choices.length < 2) {
    return null;
  }
  const select = el('select', { id: 'portfolio-model' },
    choices.map(m => el('option', { value: m.id, selected: m.id === wanted }, `${m.name} (${m.id})`)));
  select.addEventListener('change', () => change(select.value));
  return el('div', { class: 'field' }, el('label', { for: 'portfolio-model' }, 'Model'), select);
}

async function drawChart(context, figure, portfolio, placed, unitName) {
  const { el } = context;
  const captionId = 'portfolio-caption';
  const moved = placed.filter(p => p.previous && typeof p.previous.attractiveness === 'number'
    && typeof p.previous.strength === 'number'
    && (p.previous.attractiveness !== p.attractiveness || p.previous.strength !== p.strength));
  const chart = el('div', {
    id: 'portfolio-chart', role: 'img', 'aria-labelledby': captionId,
    'data-points': String(placed.length), 'data-arrows': String(moved.length)
  });
  chart.style.width = '100%';
  chart.style.height = window.innerWidth < 600 ? '340px' : '520px';
  const labelled = largestAccounts(placed);
  const caption = el('figcaption', { id: captionId },
    `Portfolio matrix of ${unitName} (${portfolio.model}): ${placed.length} account(s) by our strength `
    + `(horizontal) and customer attractiveness (vertical), bubble size by annual sales in `
    + `${portfolio.reportingCurrency}, the ${labelled.size} largest named`
    + (moved.length ? `, ${moved.length} arrow(s) from the previous position.` : '.')
    + ' The table below lists the same accounts.');
  figure.append(chart, caption);

  // one scale for every bubble: sales in the reporting currency (an amount without a rate gets the smallest bubble)
  const largest = Math.max(1, ...placed.map(p => Number(p.reportedSales) || 0));
  const size = p => MIN_BUBBLE + (MAX_BUBBLE - MIN_BUBBLE) * Math.sqrt(Math.max(0, Number(p.reportedSales) || 0) / largest);
  const cells = portfolio.grid || [];
  chart.dataset.labelled = String(labelled.size);
  // the kit's chart: no animation, ECharts' own aria off (the caption names it, the table gives the data)
  const instance = await draw(chart, caption.textContent, {
    // room for half the largest bubble beyond each edge, so a bubble at 0 or 100 is drawn whole
    grid: { left: 56 + MAX_BUBBLE / 2, right: 16 + MAX_BUBBLE / 2, top: 8 + MAX_BUBBLE / 2, bottom: 40 + MAX_BUBBLE / 2 },
    xAxis: { type: 'value', min: 0, max: 100, name: 'Our strength', nameLocation: 'middle', nameGap: 28,
      splitLine: { show: false } },
    yAxis: { type: 'value', min: 0, max: 100, name: 'Customer attractiveness', nameLocation: 'middle',
      nameGap: 36, splitLine: { show: false } },
    tooltip: { trigger: 'item', confine: true, formatter: item => tooltip(item, portfolio) },
    series: [
      {
        name: 'cells', type: 'scatter', data: [], silent: true,
        markArea: {
          silent: true,
          label: { show: false }, // drawn above the bubbles by the series 'cell names'
          data: cells.map(c => [
            { name: c.strategy, xAxis: c.strengthFrom, yAxis: c.attractivenessFrom,
              itemStyle: { color: FILLS[c.strategy] || '#eef0f3', borderColor: '#ffffff', borderWidth: 2 } },
            { xAxis: c.strengthTo, yAxis: c.attractivenessTo }])
        }
      },
      {
        name: 'movement', type: 'lines', coordinateSystem: 'cartesian2d', silent: true, z: 3,
        symbol: ['none', 'arrow'], symbolSize: 9,
        lineStyle: { color: '#5a6573', width: 1.5, type: 'dashed', opacity: 0.9 },
        data: moved.map(p => ({ coords: [[p.previous.strength, p.previous.attractiveness], [p.strength, p.attractiveness]] }))
      },
      {
        name: 'accounts', type: 'scatter', z: 4, clip: false,
        itemStyle: { color: '#0b5cad', opacity: 0.75, borderColor: '#ffffff', borderWidth: 1 },
        labelLayout: { hideOverlap: true },
        data: placed.map(p => ({
          value: [p.strength, p.attractiveness], symbolSize: size(p), point: p,
          label: labelled.has(p.accountId) ? {
            show: true, position: 'right', distance: 4, formatter: () => shortName(p.name), color: '#1b2430',
            fontSize: 11, backgroundColor: 'rgba(255,255,255,0.8)', padding: [1, 3], borderRadius: 3
          } : { show: false }
        }))
      },
      {
        // the cells' strategies above the bubbles, on a light box, so no bubble hides them
        name: 'cell names', type: 'scatter', z: 5, silent: true, symbolSize: 0,
        data: cells.map(c => ({
          value: [c.strengthFrom, c.attractivenessTo],
          label: { show: true, position: [4, 4], formatter: () => c.strategy, color: '#1b2430',
            fontSize: 12, backgroundColor: 'rgba(255,255,255,0.85)', padding: [2, 4], borderRadius: 3 }
        }))
      }
    ]
  });
  chart.dataset.cut = String(cutBubbles(instance, chart, placed, size));
}

/** The accounts whose bubbles carry their names: the largest by sales in the reporting currency. */
function largestAccounts(placed) {
  return new Set([...placed].filter(p => Number(p.reportedSales) > 0)
    .sort((a, b) => Number(b.reportedSales) - Number(a.reportedSales))
    .slice(0, NAMED_BUBBLES).map(p => p.accountId));
}

/** A name short enough for a bubble's label; the tooltip and the table give it whole. */
function shortName(name) {
  const text = String(name || '');
  return text.length > 24 ? text.slice(0, 23) + '…' : text;
}

/** How many bubbles reach past the chart's canvas (none should: the grid leaves room for them). */
function cutBubbles(instance, chart, placed, size) {
  const width = chart.clientWidth;
  const height = chart.clientHeight;
  return placed.filter(p => {
    const [x, y] = instance.convertToPixel({ gridIndex: 0 }, [p.strength, p.attractiveness]);
    const r = size(p) / 2;
    return x - r < 0 || y - r < 0 || x + r > width || y + r > height;
  }).length;
}

/** The tooltip of a bubble; every value escaped, as ECharts shows tooltips as markup. */
function tooltip(item, portfolio) {
  const p = item.data && item.data.point;
  if (!p) {
    return '';
  }
  const lines = [`<strong>${escape(p.name)}</strong>`,
    escape(p.cell ? p.cell.label : ''),
    `Attractiveness ${escape(number(p.attractiveness))}, strength ${escape(number(p.strength))}`,
    `Annual sales ${escape(money(p.annualSales, p.currency))}`
      + (p.currency !== portfolio.reportingCurrency && p.reportedSales !== null && p.reportedSales !== undefined
        ? ` (${escape(money(p.reportedSales, portfolio.reportingCurrency))})` : '')];
  if (p.movement) {
    lines.push(escape(movementText(p)));
  }
  return lines.join('<br>');
}

function escape(text) {
  return String(text === null || text === undefined ? '' : text).replace(/[&<>"']/g, c => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  })[c]);
}

function signed(value) {
  const n = Number(value);
  return (n > 0 ? '+' : n < 0 ? '−' : '±') + number(Math.abs(n));
}

function movementText(p) {
  if (!p.previous) {
    return 'First score';
  }
  const m = p.movement || {};
  const axes = `attractiveness ${signed(m.attractiveness || 0)}, strength ${signed(m.strength || 0)}`;
  return m.cellChanged ? `Moved from ${p.previous.cell || 'no cell'}: ${axes}` : `Same cell: ${axes}`;
}

function cellName(portfolio, point) {
  if (!point.cell) {
    return '';
  }
  const cell = (portfolio.grid || []).find(c => c.id === point.cell.id);
  return cell ? cell.strategy : point.cell.label;
}

function accountTable(context, portfolio, placed) {
  const { el } = context;
  const rows = portfolio.points.map(p => el('tr', { 'data-account': p.accountId },
    el('th', { scope: 'row' }, el('a', { href: context.href('accounts', p.accountId) }, p.name)),
    el('td', {}, p.cell ? p.cell.id : ''),
    el('td', {}, cellName(portfolio, p)),
    el('td', { class: 'number', 'data-value': p.attractiveness }, number(p.attractiveness)),
    el('td', { class: 'number', 'data-value': p.strength }, number(p.strength)),
    el('td', { class: 'number', 'data-value': p.annualSales }, money(p.annualSales, p.currency)),
    el('td', { class: 'number', 'data-value': p.reportedSales }, p.reportedSales === null || p.reportedSales === undefined ? 'no exchange rate'
      : money(Math.round(Number(p.reportedSales)), portfolio.reportingCurrency)),
    el('td', {}, movementText(p))));
  return el('details', { class: 'scoring-table', id: 'portfolio-table', open: placed.length === 0 ? true : null },
    el('summary', {}, `Accounts in the matrix (${portfolio.points.length})`),
    listTools(el, scrollable(el, `Scored accounts of ${portfolio.businessUnit} by ${portfolio.model}`, el('table', {},
      el('caption', {}, `Scored accounts of ${portfolio.businessUnit} by ${portfolio.model}`),
      el('thead', {}, el('tr', {},
        ['Account', 'Cell', 'Strategy'].map(h => el('th', { scope: 'col' }, h)),
        ['Attractiveness', 'Strength', 'Annual sales', `In ${portfolio.reportingCurrency}`]
          .map(h => el('th', { scope: 'col', class: 'number' }, h)),
        el('th', { scope: 'col' }, 'Movement since the last run'))),
      el('tbody', {}, rows))), { fileName: `portfolio ${portfolio.businessUnit} ${portfolio.model}` }));
}

/** A table's scrolling box, reachable with the keyboard so it can be scrolled without a mouse. */
function scrollable(el, label, table) {
  return el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': label }, table);
}

function unscoredList(context, portfolio) {
  const { el } = context;
  if (!portfolio.unscored.length) {
    return null;
  }
  return el('details', { class: 'scoring-table', id: 'portfolio-unscored' },
    el('summary', {}, `Accounts not in the matrix (${portfolio.unscored.length})`),
    el('ul', {}, portfolio.unscored.map(a => el('li', {},
      el('a', { href: context.href('accounts', a.accountId) }, a.name), ': ', a.reason))));
}

/** An amount as every console page shows it, or "unknown". */
function money(amount, currency) {
  return amount === null || amount === undefined ? 'unknown' : inCurrency(amount, currency);
}
