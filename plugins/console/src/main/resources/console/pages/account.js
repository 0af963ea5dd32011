// The account 360: one key account with its team, buying center, development plan, opportunities, activities,
// scores and audit trail, one section at a time (#/accounts/<id>?tab=<section>).
import { money, unitName } from './accounts.js';
import { teamEditor } from './account-engagement.js';
import { fact, names } from './account-common.js';
import { overview } from './account-overview.js';
import { buyingCenter } from './account-buying-center.js';
import { plan } from './account-plan.js';
import { opportunities } from './account-opportunities.js';
import { activities } from './account-activities.js';
import { scores } from './account-scores.js';
import { audit } from './account-audit.js';

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
  const panels = el('div', { class: 'account-panels', id: 'account-panels' });
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
    panels,
    el('nav', { class: 'tabs', 'aria-label': 'Account sections' }, el('ul', {}, TABS.map(([id, title]) => el('li', {},
      el('a', { href: context.href('accounts', account.id, { tab: id }), 'aria-current': id === tab ? 'page' : null,
        'data-tab': id }, title))))),
    body].filter(Boolean));
  const contributed = pluginPanels(context, account, panels);
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
  await contributed;
}

/**
 * What plugins add to the 360: every page whose module exports accountPanel(element, context, account) fills a
 * section of its own (or removes it when it has nothing to say). A plugin that is absent adds nothing; one whose
 * panel fails leaves a message in its section only.
 */
async function pluginPanels(context, account, into) {
  const { el } = context;
  const modules = await Promise.all(context.pages.map(page => import(page.moduleUrl).then(m => [page, m], () => null)));
  await Promise.all(modules.filter(m => m && typeof m[1].accountPanel === 'function').map(async ([page, module]) => {
    const section = el('section', { class: 'account-panel', 'data-page': page.id });
    into.append(section);
    try {
      await module.accountPanel(section, context, account);
    } catch (error) {
      if (error.status === 401) {
        throw error;
      }
      section.replaceChildren(el('p', { class: 'error', role: 'alert' }, page.title + ' could not be shown: ',
        (error.problem && error.problem.detail) || error.message));
    }
  }));
}

async function team({ context, path, people, body, refresh }) {
  body.replaceChildren(await teamEditor(context, path, people, refresh));
}
