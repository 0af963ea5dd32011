// A node's coverage matrix: its subtree's nodes by team function, each cell the responsible person, own or inherited
// (and from which node); a cell nobody covers is flagged, and the gaps are counted per function.
import { show } from '/console/kit/v1/dom.js';
import { userNames } from '/console/kit/v1/api.js';
import { cell, dataTable } from '/console/kit/v1/tables.js';
import { words } from '/console/kit/v1/format.js';
import { nodePath } from './common.js';

const FUNCTIONS = ['key-account-manager', 'sales', 'field-service', 'specialist', 'executive-sponsor'];

/** Fills section with the coverage of the node's subtree on the day asOf. */
export async function coverage(context, section, hierarchyId, node, asOf) {
  const { el, api } = context;
  const c = await api(nodePath(hierarchyId, node.id, '/coverage?asOf=' + encodeURIComponent(asOf)));
  const person = userNames(api);
  const nameOf = new Map(c.nodes.map(n => [n.nodeId, n.name]));
  const gaps = FUNCTIONS.map(f => [f, (c.uncovered[f] || []).length]);
  const total = gaps.reduce((sum, [, n]) => sum + n, 0);
  const rows = await Promise.all(c.nodes.map(async n => [n.name, ...await Promise.all(FUNCTIONS.map(async f => {
    const r = n.functions[f];
    if (!r) {
      return cell(el('span', { class: 'gap coverage-gap' }, '⚠ Nobody'), '');
    }
    const who = await person(r.userId);
    return cell(el('span', { class: r.inherited ? 'inherited' : 'own' }, who,
      el('br'), el('small', { class: 'muted' }, r.inherited ? 'inherited from ' + (nameOf.get(r.from) || 'a node above')
        : 'own')), who);
  }))]));
  show(section, el('h2', { id: 'hierarchy-coverage-title' }, 'Coverage: ' + node.name),
    el('p', { id: 'hierarchy-gap-count', class: total > 0 ? 'gap' : 'good' }, total === 0
      ? 'Every node is covered in every function.'
      : `${total} gap(s): ` + gaps.filter(([, n]) => n > 0).map(([f, n]) => `${words(f)} ${n}`).join(', ') + '.'),
    dataTable(el, 'Who covers ' + node.name + ' and the nodes below on ' + c.asOf, ['Node', ...FUNCTIONS.map(words)],
      rows),
    c.hiddenNodes > 0 ? el('p', { class: 'note' }, c.hiddenNodes + ' account(s) of units you may not see are left out.')
      : null);
}
