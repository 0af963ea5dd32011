// The account 360: one key account with its team, buying center, development plan, opportunities, activities,
// scores and audit trail, one section at a time (#/accounts/<id>?tab=<section>).
import { money, unitName } from './accounts.js';
import { orgChart } from '../orgchart.js';
import { lineChart } from '../charts.js';
import { dataTable as table } from '../tables.js';
import { activityForm, followUps, teamEditor } from './account-engagement.js';

const TABS = [
  ['overview', 'Overview'],
  ['team', 'Team'],
  ['buying-center', 'Buying center'],
  ['plan', 'Plan'],
  ['opportunities', 'Opportunities'],
  ['activities', 'Activities'],
  ['scores', 'Scores'],
  ['audit', 'Audit trail']
];
const SECTIONS = {
  overview: overview,
  team: team,
  'buying-center': buyingCenter,
  plan: plan,
  opportunities: opportunities,
  activities: activities,
  scores: scores,
  audit: audit
};

export async function render(element, context, accountId) {
  const { el, api, route } = context;
  const path = '/accounts/' + encodeURIComponent(accountId);
  const account = await api(path);
  const people = names(api);
  const tab = SECTIONS[route.params.get('tab')] ? route.params.get('tab') : 'overview';
  const saved = route.params.get('saved');
  const owner = account.owner ? await people(account.owner) : 'nobody';
  const body = el('div', { class: 'account-section', id: 'account-section' });
  element.replaceChildren(...[
    el('div', { class: 'page-head' },
      el('div', {},
        el('p', { class: 'breadcrumb' }, el('a', { href: context.href('accounts') }, 'Accounts'), ' / ',
          unitName(context, account.businessUnit)),
        el('h1', {}, account.name)),
      el('a', { class: 'button', href: context.href('accounts', account.id + '/edit') }, 'Edit account')),
    saved ? el('p', { class: 'notice', role: 'status' }, saved === 'created' ? 'The account was created.'
      : 'Your changes were saved.') : null,
    el('dl', { class: 'facts' },
      fact(el, 'Tier', el('span', { class: 'badge tier-' + account.tier }, account.tier)),
      fact(el, 'Status', account.status),
      fact(el, 'Key account manager', owner),
      fact(el, 'Industry', account.industry || '—'),
      fact(el, 'Country', [account.country, account.region].filter(Boolean).join(', ') || '—'),
      fact(el, 'Annual sales', money(account.annualSales, account.currency) || '—'),
      fact(el, 'Contribution margin', money(account.contributionMargin, account.currency) || '—'),
      fact(el, 'Potential', money(account.potential, account.currency) || '—')),
    el('nav', { class: 'tabs', 'aria-label': 'Account sections' }, el('ul', {}, TABS.map(([id, title]) => el('li', {},
      el('a', { href: context.href('accounts', account.id, { tab: id }), 'aria-current': id === tab ? 'page' : null,
        'data-tab': id }, title))))),
    body].filter(Boolean));
  try {
    // after a change the section is drawn again with a message saying what happened
    const refresh = async message => {
      await SECTIONS[tab]({ context, account, path, people, body, refresh });
      if (message) {
        body.prepend(el('p', { class: 'notice', role: 'status' }, message));
      }
    };
    await SECTIONS[tab]({ context, account, path, people, body, refresh });
  } catch (error) {
    if (error.status === 401) {
      throw error;
    }
    body.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'This section could not be shown: ',
      (error.problem && error.problem.detail) || error.message));
  }
}

function fact(el, term, value) {
  return el('div', {}, el('dt', {}, term), el('dd', {}, value));
}

/** Resolves user ids to display names once per page; callers who may not read users see a short id. */
function names(api) {
  const cache = new Map();
  return id => {
    if (!id) {
      return Promise.resolve('—');
    }
    if (!cache.has(id)) {
      cache.set(id, api('/users/' + encodeURIComponent(id))
        .then(u => u.displayName || u.username)
        .catch(() => 'user ' + String(id).slice(0, 8)));
    }
    return cache.get(id);
  };
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

function day(text) {
  return text ? String(text).slice(0, 10) : '—';
}

async function overview({ context, path, people, body, refresh }) {
  const { el, api } = context;
  const o = await api(path + '/overview');
  const gaps = o.buyingCenter;
  const plan = o.activePlan;
  const pipeline = o.pipeline;
  const amounts = values => Object.entries(values || {}).map(([c, v]) => money(v, c)).join(', ') || '—';
  const card = (title, tab, ...content) => el('section', { class: 'card', 'aria-labelledby': 'card-' + tab },
    el('h2', { id: 'card-' + tab }, el('a', { href: context.href('accounts', o.account.id, { tab }) }, title)),
    content);
  const openFollowUps = await followUps(context, path, people, refresh);
  body.replaceChildren(el('div', { class: 'cards' },
    card('Team', 'team', el('p', {}, `${plural(o.team.length, 'person serves', 'people serve')} this account.`)),
    card('Buying center', 'buying-center',
      el('p', {}, `${plural(gaps.contacts, 'contact', 'contacts')} known.`),
      gaps.unfilledRoles.length ? el('p', { class: 'gap' }, 'No contact in the role of: ', gaps.unfilledRoles.join(', '))
        : el('p', {}, 'Every buying-center role is covered.'),
      gaps.staleContacts.length ? el('p', { class: 'gap' },
        `${plural(gaps.staleContacts.length, 'contact', 'contacts')} not met for over ${gaps.freshnessDays} days.`) : null),
    card('Development plan', 'plan', plan
      ? [el('p', {}, plan.title, ` (${day(plan.period.start)} – ${day(plan.period.end)})`),
        progress(el, plan.completion, 'Plan completion'),
        el('p', { class: plan.overdueActions ? 'gap' : '' }, `${plural(plan.openActions, 'open action', 'open actions')}, ${plan.overdueActions} overdue.`)]
      : el('p', { class: 'gap' }, 'No active plan.')),
    card('Pipeline', 'opportunities',
      el('p', {}, `${plural(pipeline.openCount, 'open opportunity', 'open opportunities')} worth ${amounts(pipeline.openValue)}`),
      el('p', {}, `Weighted: ${amounts(pipeline.weightedValue)}`)),
    card('Last activity', 'activities', o.lastActivity
      ? el('p', {}, `${day(o.lastActivity.occurredAt)}: ${o.lastActivity.type} — ${o.lastActivity.subject}`)
      : el('p', {}, 'No activity recorded.'))),
  openFollowUps);
}

function progress(el, percent, label) {
  return el('div', { class: 'progress-line' },
    el('progress', { max: '100', value: String(percent || 0), 'aria-label': label }), ` ${percent || 0} % done`);
}

async function team({ context, path, people, body, refresh }) {
  body.replaceChildren(await teamEditor(context, path, people, refresh));
}

async function buyingCenter({ context, path, people, body }) {
  const { el, api } = context;
  const center = await api(path + '/buying-center');
  const owners = new Map();
  const collect = async nodes => {
    for (const n of nodes) {
      if (n.relationshipOwner && !owners.has(n.relationshipOwner)) {
        owners.set(n.relationshipOwner, await people(n.relationshipOwner));
      }
      await collect(n.directReports || []);
    }
  };
  await collect(center.roots);
  body.replaceChildren(el('h2', {}, 'Buying center'),
    orgChart(el, center, id => owners.get(id)));
}

async function plan({ context, path, people, body }) {
  const { el, api } = context;
  const plans = await api(path + '/plans');
  const list = Array.isArray(plans) ? plans : plans.items || [];
  const current = list.find(p => p.status === 'active') || list[0];
  if (!current) {
    body.replaceChildren(el('h2', {}, 'Customer development plan'), el('p', { class: 'gap' }, 'This account has no plan yet.'));
    return;
  }
  const full = current.objectives ? current : await api(path + '/plans/' + encodeURIComponent(current.id));
  const today = new Date().toISOString().slice(0, 10);
  const swot = ['strengths', 'weaknesses', 'opportunities', 'threats'];
  const objectives = [];
  for (const objective of full.objectives) {
    const strategies = [];
    for (const strategy of objective.strategies) {
      const actions = await Promise.all(strategy.actions.map(async a => {
        const overdue = a.status !== 'done' && a.dueDate && a.dueDate < today;
        return el('li', { class: 'action status-' + a.status },
          el('span', { class: 'badge' }, a.status), ' ', a.description, ' — ', await people(a.owner), ', due ',
          day(a.dueDate), overdue ? el('strong', { class: 'gap' }, ' (overdue)') : null);
      }));
      strategies.push(el('li', {}, el('p', {}, el('strong', {}, 'Strategy: '), strategy.description),
        el('ul', { class: 'actions-list' }, actions)));
    }
    objectives.push(el('li', { class: 'objective' },
      el('h4', {}, objective.description),
      el('p', { class: 'muted' }, [objective.metric, objective.baseline !== null ? `from ${objective.baseline}` : null,
        objective.target !== null ? `to ${objective.target}` : null, objective.dueDate ? `by ${objective.dueDate}` : null]
        .filter(Boolean).join(' ')),
      el('ul', {}, strategies)));
  }
  body.replaceChildren(
    el('h2', {}, full.title),
    el('p', {}, `${day(full.period.start)} – ${day(full.period.end)} · ${full.status} · relationship stage `,
      el('strong', {}, full.relationshipStage || '—')),
    progress(el, full.completion, 'Plan completion'),
    el('h3', {}, 'SWOT'),
    el('div', { class: 'swot' }, swot.map(k => el('section', { class: 'swot-' + k, 'aria-label': k },
      el('h4', {}, k[0].toUpperCase() + k.slice(1)),
      el('ul', {}, (full.swot && full.swot[k] || []).map(item => el('li', {}, item)))))),
    el('h3', {}, 'Objectives, strategies and actions'),
    el('ol', { class: 'objectives' }, objectives));
}

async function opportunities({ context, path, people, body }) {
  const { el, api } = context;
  const answer = await api(path + '/opportunities');
  const items = Array.isArray(answer) ? answer : answer.items || [];
  const rows = await Promise.all(items.map(async o => [o.name, o.stage, money(o.value, o.currency),
    `${o.probability} %`, o.ourPosition || '—',
    el('ul', { class: 'plain' }, (o.competitors || []).map(c => el('li', {}, c.name, c.position ? ` (${c.position})` : ''))),
    o.nextStep ? `${o.nextStep} (${day(o.nextStepDue)})` : '—', o.status, await people(o.owner)]));
  body.replaceChildren(el('h2', {}, 'Opportunities'),
    table(el, 'Opportunities with their competitors', ['Opportunity', 'Stage', 'Value', 'Probability',
      'Our position', 'Competitors', 'Next step', 'Status', 'Owner'], rows, { empty: 'No opportunities yet.' }));
}

async function activities({ context, path, body, refresh }) {
  const { el, api } = context;
  const [answer, form] = await Promise.all([api(path + '/activities?limit=100'), activityForm(context, path, refresh)]);
  const items = answer.items || answer;
  body.replaceChildren(el('h2', {}, 'Activities'),
    table(el, 'Activities, newest first', ['Subject', 'Type', 'Status', 'When'],
      items.map(a => [a.subject, a.type, a.status, day(a.occurredAt)]), { empty: 'No activities recorded.' }),
    form);
}

async function scores({ context, account, body }) {
  const { el, api } = context;
  let answer;
  try {
    answer = await api('/accounts/' + encodeURIComponent(account.id) + '/scores');
  } catch (error) {
    if (error.status === 404) { // the account exists (read above): the scoring plugin is not running
      body.replaceChildren(el('h2', {}, 'Scores'), el('p', {}, 'Scoring is not installed.'));
      return;
    }
    throw error;
  }
  const models = answer.models || [];
  if (models.length === 0) {
    body.replaceChildren(el('h2', {}, 'Scores'), el('p', {}, 'No model has scored this account yet.'));
    return;
  }
  const chart = el('div', { class: 'chart', id: 'score-history' });
  body.replaceChildren(
    el('h2', {}, 'Scores'),
    el('div', { class: 'cards' }, models.map(m => el('section', { class: 'card score', 'aria-labelledby': 'score-' + m.modelId },
      el('h3', { id: 'score-' + m.modelId }, m.modelId, m.modelInstalled ? '' : ' (uninstalled)'),
      el('p', { class: 'score-value' }, m.score === null ? '—' : String(m.score)),
      m.classification ? el('p', {}, el('strong', {}, m.classification.label)) : null,
      m.classification && m.classification.recommendation ? el('p', { class: 'muted' }, m.classification.recommendation) : null,
      m.note ? el('p', { class: 'muted' }, m.note) : null,
      el('details', {}, el('summary', {}, 'Why this score'),
        table(el, 'Contributions to ' + m.modelId, ['Factor', 'Input', 'Value', 'Weight', 'Contribution'],
          (m.contributions || []).map(c => [c.label, c.input, String(c.value), String(c.weight), String(c.contribution)]),
          { empty: 'No explanation given.' }))))),
    el('h3', {}, 'Score history'),
    chart,
    el('details', {}, el('summary', {}, 'Score history as a table'),
      table(el, 'Score history', ['Model', 'Scored at', 'Score', 'Class'],
        models.flatMap(m => (m.history || []).map(h => [m.modelId, h.scoredAt.replace('T', ' ').slice(0, 19),
          h.score === null ? '— (not scored)' : String(h.score), h.classification || '—'])), { empty: 'No history.' })));
  await lineChart(chart, {
    label: 'Score history of ' + account.name,
    series: models.map(m => ({ name: m.modelId,
      // a run that lacked the facts for a score leaves a gap, not a zero
      points: (m.history || []).filter(h => h.score !== null).map(h => [h.scoredAt, h.score])
        .sort((a, b) => a[0].localeCompare(b[0])) }))
  });
}

async function audit({ context, path, body }) {
  const { el, api } = context;
  const answer = await api(path + '/audit?limit=100');
  const items = answer.items || [];
  body.replaceChildren(el('h2', {}, 'Audit trail'),
    table(el, 'Changes, newest first', ['When', 'Who', 'What', 'Changes'], items.map(e => [
      e.at.replace('T', ' ').slice(0, 19), e.actorName || e.actor, `${e.entityType} ${e.action}`,
      el('ul', { class: 'plain' }, (e.changes || []).map(c => el('li', {}, `${c.field}: `,
        c.before === null ? '' : el('del', {}, String(c.before)), c.before === null ? '' : ' → ',
        c.after === null ? '(cleared)' : String(c.after))))]), { empty: 'No changes recorded.' }));
}
