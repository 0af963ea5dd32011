// Moving a node with its subtree: "Move to…" picks the new parent among the nodes opened in the tree (a 100,000-node
// hierarchy is never listed whole), or a node dragged onto another in the tree chooses it, and the day the move takes
// effect is confirmed; a refused move (a cycle, a second parent that
// day) shows the server's message at the field it names.
import { submitting } from '/console/kit/v1/forms.js';
import { nodePath } from './common.js';

const TYPES = [['', 'Keep the current link type'], ['subsidiary', 'Subsidiary'], ['branch', 'Branch'],
  ['regional-grouping', 'Regional grouping']];

/**
 * A "Move to…" button for the node that opens the form; candidates() gives the nodes shown in the tree now,
 * moved(link, parent) runs after the move was stored. With parentId (a node dropped on another in the tree) the
 * form opens at once with that parent chosen, to be confirmed.
 */
export function moveControl(context, hierarchyId, node, asOf, candidates, moved, parentId) {
  const { el, api } = context;
  const holder = el('section', { id: 'hierarchy-move', 'aria-labelledby': 'hierarchy-move-title' },
    el('h2', { id: 'hierarchy-move-title' }, 'Move ' + node.name));
  const open = el('button', { type: 'button', id: 'hierarchy-move-open', class: 'secondary' }, 'Move to…');
  holder.append(open);
  const showForm = () => {
    const others = candidates().filter(n => n.id !== node.id);
    const parent = el('select', { id: 'move-parent', name: 'parentId', required: true,
      'aria-describedby': 'move-parent-hint' },
    el('option', { value: '' }, 'Choose the new parent'),
    others.map(n => el('option', { value: n.id, selected: n.id === parentId }, n.name + (n.grouping ? ' (group)' : ''))));
    const on = el('input', { id: 'move-on', name: 'on', type: 'date', value: asOf, required: true });
    const type = el('select', { id: 'move-type', name: 'type' }, TYPES.map(([v, label]) => el('option', { value: v }, label)));
    const form = el('form', { id: 'hierarchy-move-form', novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'move-parent' }, 'New parent'), parent,
        el('p', { id: 'move-parent-hint', class: 'hint-inline' },
          'Nodes opened in the tree; open a level there to choose from it.')),
      el('div', { class: 'field' }, el('label', { for: 'move-on' }, 'Valid from'), on),
      el('div', { class: 'field' }, el('label', { for: 'move-type' }, 'Link type'), type),
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Move'),
        el('button', { type: 'button', class: 'secondary', onclick: () => holder.replaceChildren(holder.firstChild, open) },
          'Cancel')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const body = { parentId: parent.value || null, on: on.value || null };
      if (type.value) {
        body.type = type.value;
      }
      const link = await submitting(form, () => api(nodePath(hierarchyId, node.id, '/move'),
        { method: 'POST', json: body }), { labels: { parentId: 'New parent', on: 'Valid from' } });
      if (link) {
        await moved(link, others.find(n => n.id === link.parentId));
      }
    });
    holder.replaceChildren(holder.firstChild, form);
    parent.focus();
  };
  open.addEventListener('click', showForm);
  if (parentId) {
    showForm();
  }
  return holder;
}
