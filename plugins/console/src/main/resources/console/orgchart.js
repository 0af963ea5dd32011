// The buying center as an org chart: each contact a card under the person they report to, with their roles,
// attitude, influence and our relationship; coverage gaps (roles nobody fills, key contacts nobody owns,
// contacts not met lately) are flagged on the cards and listed beside the chart, in words, not colour alone.
import { day, words } from './format.js';

const KEY_ROLES = new Set(['economic-buyer', 'decision-maker']);

/**
 * Builds the chart from GET /accounts/{id}/buying-center. ownerName(id) gives a relationship owner's name
 * (or undefined); decorate(node, card), if given, adds the page's controls to each contact's card.
 */
export function orgChart(el, center, ownerName, decorate = () => {}) {
  const coverage = center.coverage || {};
  const unowned = new Set((coverage.keyContactsWithoutOwner || []).map(c => c.contactId || c));
  let count = 0;
  const card = node => {
    count++;
    const flags = [];
    if (node.stale) {
      flags.push(el('li', { class: 'flag stale' }, 'Not met lately'));
    }
    if (unowned.has(node.contactId) || (!node.relationshipOwner && node.roles.some(r => KEY_ROLES.has(r)))) {
      flags.push(el('li', { class: 'flag unowned' }, 'No relationship owner'));
    }
    const owner = node.relationshipOwner ? ownerName(node.relationshipOwner) || 'a colleague' : 'nobody';
    const influence = node.influence ? node.influence + '/5' : 'unknown';
    const strength = node.relationshipStrength ? `, strength ${node.relationshipStrength}/5` : '';
    const contact = el('div', { class: `contact attitude-${node.attitude || 'unknown'}` + (flags.length ? ' has-gap' : ''),
      'data-contact-id': node.contactId },
    el('p', { class: 'contact-name' }, node.name),
    node.jobTitle ? el('p', { class: 'muted' }, node.jobTitle) : null,
    el('p', { class: 'roles' }, node.roles.map(r => el('span', { class: 'badge role', 'data-role': r }, words(r)))),
    el('p', {}, `Attitude: ${node.attitude || 'unknown'}, influence ${influence}`),
    el('p', {}, `Relationship: ${owner}${strength}`),
    flags.length ? el('ul', { class: 'flags', 'aria-label': 'Coverage gaps' }, flags) : null);
    decorate(node, contact);
    return el('li', { class: 'node' }, contact,
      node.directReports && node.directReports.length ? el('ul', {}, node.directReports.map(card)) : null);
  };
  const tree = el('ul', { class: 'orgchart-tree' }, (center.roots || []).map(card));
  const gaps = [];
  for (const role of coverage.unfilledRoles || []) {
    gaps.push(el('li', { class: 'gap-role', 'data-role': role }, `No contact in the role of ${words(role).toLowerCase()}`));
  }
  for (const contact of coverage.keyContactsWithoutOwner || []) {
    gaps.push(el('li', {}, `${contact.name || 'A key contact'} has no relationship owner`));
  }
  for (const contact of coverage.staleContacts || []) {
    gaps.push(el('li', {}, contact.lastContactAt
      ? `${contact.name} not met since ${day(contact.lastContactAt)} (more than ${coverage.freshnessDays} days)`
      : `${contact.name}: no meeting or call recorded yet`));
  }
  return el('div', { class: 'orgchart', 'data-contacts': String(count) },
    count ? el('div', { class: 'orgchart-scroll', tabindex: '0', role: 'region', 'aria-label': 'Org chart of the buying center' }, tree)
      : el('p', { class: 'gap' }, 'No contacts known at this customer yet.'),
    el('section', { class: 'coverage', 'aria-labelledby': 'coverage-title' },
      el('h3', { id: 'coverage-title' }, 'Coverage gaps'),
      gaps.length ? el('ul', {}, gaps) : el('p', {}, 'No gaps: every role is filled and every key contact is covered.')));
}
