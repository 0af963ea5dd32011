// The landing page of key account managers: my key accounts, my overdue and upcoming follow-ups, the open pipeline by
// stage (a bar chart with a table beside it) and the biggest movers of the portfolio (from the scoring
// plugin, when it is installed). Each card loads on its own; one failing card does not hide the others.
import { draw, escapeHtml } from '/console/charts.js';
import { ApiError } from '/console/api.js';
import { problemText as message } from '/console/dom.js';
import { cell, dataTable } from '/console/tables.js';
import { amounts, day, money } from '/console/format.js';

const ACCOUNTS_SHOWN = 10;
const FOLLOW_UPS_SHOWN = 10;
const MOVERS_SHOWN = 8;

export async function render(element, context) {
  const { el } = context;
  const unitName = id => (context.units.find(u => u.id === id) || { name: id }).name;
  const scope = context.businessUnit ? unitName(context.businessUnit) : 'all my business units';
  const cards = {
    accounts: card(el, 'dashboard-accounts', 'My key accounts'),
    followUps: card(el, 'dashboard-follow-ups', 'My overdue follow-ups'),
    upcoming: card(el, 'dashboard-upcoming', 'My upcoming follow-ups'),
    pipeline: card(el, 'dashboard-pipeline', 'Pipeline by stage', 'wide'),
    movers: card(el, 'dashboard-movers', 'Biggest portfolio movers')
  };
  element.replaceChildren(
    el('h1', {}, 'Dashboard'),
    el('p', { class: 'lead' }, 'Signed in as ', context.session.username, ' · showing ', scope),
    el('div', { class: 'dashboard' }, Object.values(cards).map(c => c.node)));

  const loads = [
    [cards.accounts, () => myAccounts(context)],
    [cards.followUps, () => overdueFollowUps(context)],
    [cards.upcoming, () => upcomingFollowUps(context)],
    [cards.pipeline, () => pipeline(context)],
    [cards.movers, () => movers(context, unitName)]
  ];
  // a card answers its content, or { nodes, afterShown } when something (a chart) must be drawn once it is shown
  const results = await Promise.allSettled(loads.map(([c, load]) => load().then(async content => {
    if (content && content.nodes) {
      c.show(content.nodes);
      await content.afterShown();
    } else {
      c.show(content);
    }
  })));
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      if (result.reason instanceof ApiError && result.reason.status === 401) {
        throw result.reason;
      }
      loads[i][0].show(el('p', { class: 'error', role: 'alert' }, 'Could not load: ', message(result.reason)));
    }
  });
}

/** A dashboard card: a region named by its heading, with a body that shows "Loading…" until filled. */
function card(el, id, title, size) {
  const body = el('div', { class: 'card-body' }, el('p', { class: 'status' }, 'Loading…'));
  const node = el('section', { class: 'card' + (size ? ' ' + size : ''), 'aria-labelledby': id + '-title', id },
    el('h2', { id: id + '-title' }, title), body);
  return { node, show: (...content) => body.replaceChildren(...content.flat().filter(Boolean)) };
}

function unitQuery(context, params) {
  const query = new URLSearchParams(params);
  if (context.businessUnit) {
    query.set('businessUnit', context.businessUnit);
  }
  return query;
}

/** The tiers from the most important on: the dashboard lists strategic accounts first, accounts of no tier last. */
const TIERS = ['strategic', 'key', 'none'];
const tierRank = tier => {
  const rank = TIERS.indexOf(String(tier || 'none').toLowerCase());
  return rank < 0 ? TIERS.length : rank;
};

/** The accounts I own and those whose team I serve on, key accounts first, then by name; my role in each. */
async function myAccounts(context) {
  const { el, api } = context;
  // one page per tier, so a strategic account is never pushed out by accounts of no tier earlier in the alphabet
  const [pages, memberships] = await Promise.all([
    Promise.all(TIERS.map(tier => api('/accounts?' + unitQuery(context,
      { owner: 'me', tier, sort: 'name', total: 'true', limit: String(ACCOUNTS_SHOWN) })))),
    api('/team-memberships?' + unitQuery(context, { user: 'me' }))]);
  const page = {
    items: pages.flatMap(p => p.items),
    total: pages.every(p => typeof p.total === 'number' && p.total >= 0)
      ? pages.reduce((sum, p) => sum + p.total, 0) : null
  };
  const mine = new Map();
  for (const a of page.items) {
    mine.set(a.id, { id: a.id, name: a.name, tier: a.tier, roles: ['Owner'] });
  }
  for (const m of memberships) {
    const entry = mine.get(m.accountId) || { id: m.accountId, name: m.accountName, tier: m.tier, roles: [] };
    entry.roles.push(functionName(m.function) + (m.responsible ? ' (responsible)' : ''));
    mine.set(m.accountId, entry);
  }
  if (mine.size === 0) {
    return el('p', {}, 'You neither own nor serve on the team of an account here yet.');
  }
  const rows = [...mine.values()].sort((x, y) => tierRank(x.tier) - tierRank(y.tier) || x.name.localeCompare(y.name));
  const owned = typeof page.total === 'number' && page.total >= 0 ? page.total : page.items.length;
  const shown = rows.slice(0, ACCOUNTS_SHOWN);
  return [
    dataTable(el, shown.length < rows.length || owned > page.items.length
      ? `${shown.length} of your accounts (you own ${owned})` : `Your ${rows.length} accounts`,
    ['Account', 'My role', 'Tier'],
    shown.map(a => [el('a', { href: context.href('accounts', a.id) }, a.name), a.roles.join(', '), a.tier || ''])),
    owned > page.items.length
      ? el('p', {}, el('a', { href: context.href('accounts', '', { owner: 'me' }) }, 'All the accounts I own')) : null
  ];
}

function functionName(fn) {
  const text = String(fn || '').replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function overdueFollowUps(context) {
  const { el, api } = context;
  const page = await api('/follow-ups?' + unitQuery(context, { owner: 'me', overdue: 'true',
    limit: String(FOLLOW_UPS_SHOWN) }));
  if (page.items.length === 0) {
    return el('p', { class: 'good' }, 'Nothing overdue. Well done.');
  }
  return dataTable(el, page.nextCursor ? `The ${page.items.length} most overdue` : `${page.items.length} overdue`,
    ['Follow-up', 'Account', 'Days overdue'],
    page.items.map(item => [
      item.followUp.title,
      el('a', { href: context.href('accounts', item.followUp.accountId) }, item.accountName),
      el('span', { title: 'Due ' + item.followUp.dueDate }, String(item.daysOverdue))]), { numeric: [2] });
}

async function upcomingFollowUps(context) {
  const { el, api } = context;
  const page = await api('/follow-ups?' + unitQuery(context, { owner: 'me', upcoming: 'true',
    limit: String(FOLLOW_UPS_SHOWN) }));
  if (page.items.length === 0) {
    return el('p', {}, 'Nothing due. Add follow-ups on an account to plan the next steps.');
  }
  return dataTable(el, page.nextCursor ? `The next ${page.items.length}` : `${page.items.length} coming up`,
    ['Follow-up', 'Account', 'Due'],
    page.items.map(item => [
      item.followUp.title,
      el('a', { href: context.href('accounts', item.followUp.accountId) }, item.accountName),
      cell(day(item.followUp.dueDate), item.followUp.dueDate)]), { sorted: [2, 'ascending'] });
}

async function pipeline(context) {
  const { el, api } = context;
  const stages = await api('/pipeline?' + unitQuery(context, {}));
  const currencies = [...new Set(stages.flatMap(s => Object.keys(s.openValue)))].sort();
  const open = stages.reduce((sum, s) => sum + s.openCount, 0);
  const rows = stages.map(s => [
    s.stage + (s.probability < 0 ? ' (no longer configured)' : ''),
    s.probability < 0 ? '' : s.probability + ' %',
    String(s.openCount),
    amounts(s.openValue),
    amounts(s.weightedValue)]);
  const data = dataTable(el, `Open opportunities by stage: ${open} in all`,
    ['Stage', 'Probability', 'Open', 'Open value', 'Weighted value'], rows, { numeric: [1, 2, 3, 4] });
  if (open === 0) {
    return [el('p', {}, 'No open opportunities.'), data];
  }
  // one chart per currency: amounts in different currencies on one axis would add up to nothing meaningful
  const charts = currencies.map(c => el('div', { class: 'chart', role: 'img', 'data-currency': c,
    'aria-label': `Bar chart of the weighted open pipeline in ${c} by stage. ` + stages
      .filter(s => Number(s.weightedValue[c] || 0) > 0)
      .map(s => `${s.stage}: ${money(s.weightedValue[c], c)} weighted`).join('; ') }));
  const chart = el('div', { class: 'pipeline-charts', id: 'pipeline-chart' }, charts);
  const details = el('details', {}, el('summary', {}, 'Pipeline as a table'), data);
  return { nodes: [chart, details], afterShown: () => drawPipeline(chart, charts, stages) };
}

async function drawPipeline(container, charts, stages) {
  if (!container.isConnected) {
    return;
  }
  let bars = 0;
  for (const node of charts) {
    const currency = node.dataset.currency;
    const values = stages.map(s => Number(s.weightedValue[currency] || 0));
    await draw(node, node.getAttribute('aria-label'), {
      title: { text: 'Weighted open pipeline in ' + currency, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', formatter: items => escapeHtml(items[0].name) + '<br>'
        + escapeHtml(money(items[0].value, currency)) + ' weighted' },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: stages.map(s => s.stage) },
      yAxis: { type: 'value', name: currency },
      series: [{ name: currency + ' weighted', type: 'bar', data: values }]
    });
    bars += values.filter(v => v > 0).length;
  }
  container.dataset.bars = String(bars);
  container.dataset.rendered = 'true';
}

async function movers(context, unitName) {
  const { el, api } = context;
  const units = context.businessUnit ? [context.businessUnit] : context.units.map(u => u.id);
  const points = [];
  for (const unit of units) {
    let portfolio;
    try {
      // the server ranks a unit's movers: a page of them, whatever the unit's size
      portfolio = await api('/portfolio?' + new URLSearchParams({ businessUnit: unit, order: 'movement',
        limit: String(MOVERS_SHOWN) }));
    } catch (error) {
      if (routeMissing(error)) {
        return el('p', { class: 'status' }, 'Scoring is not installed, so there are no portfolio movements to show.');
      }
      if (error instanceof ApiError && error.status === 404) {
        continue;
      }
      throw error;
    }
    if (portfolio.modelInstalled) {
      points.push(...portfolio.points.filter(p => p.movement).map(p => ({ ...p, unit })));
    }
  }
  points.sort((a, b) => Math.abs(b.movement.score) - Math.abs(a.movement.score) || a.name.localeCompare(b.name));
  const moved = points.filter(p => p.movement.score !== 0 || p.movement.cellChanged).slice(0, MOVERS_SHOWN);
  if (moved.length === 0) {
    return el('p', {}, 'No account moved since the previous scoring run.');
  }
  return dataTable(el, 'Largest score changes since the previous run',
    ['Account', 'Business unit', 'Score', 'Change', 'Cell'],
    moved.map(p => [
      el('a', { href: context.href('accounts', p.accountId) }, p.name),
      unitName(p.unit),
      p.score.toFixed(1),
      cell(el('span', { class: p.movement.score >= 0 ? 'up' : 'down' },
        (p.movement.score >= 0 ? '▲ +' : '▼ ') + p.movement.score.toFixed(1)), p.movement.score),
      (p.cell ? p.cell.label : '') + (p.movement.cellChanged ? ' (new cell)' : '')]), { numeric: [2, 3] });
}

/** A 404 from the API's fallback: no plugin serves the route (the scoring bundle is absent or stopped). */
function routeMissing(error) {
  const detail = error instanceof ApiError && error.status === 404 && error.problem ? error.problem.detail || '' : '';
  return /^(no API endpoint|nothing is served)/.test(detail);
}
