// The account 360's overview: one card per section with what needs attention.
import { money } from './accounts.js';
import { followUps } from './account-follow-ups.js';
import { day, plural, progress } from './account-common.js';
import { words } from '../format.js';

export async function overview({ context, path, people, body, refresh }) {
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
      gaps.unfilledRoles.length ? el('p', { class: 'gap' }, 'No contact in the role of: ', gaps.unfilledRoles.map(r => words(r).toLowerCase()).join(', '))
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
