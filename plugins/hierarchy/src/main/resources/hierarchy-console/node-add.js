// Adding a node: an account (found by name among the accounts the user reads) or a grouping node ("EMEA"), placed
// under a node opened in the tree from a day, or as a new root. The node and its link are two requests: the link can
// only be refused for its own fields, which are checked first, as a new node has no children and no parent yet.
import { ApiError } from '/console/kit/v1/api.js';
import { clearProblem, showProblem, submitting } from '/console/kit/v1/forms.js';

const TYPES = [['subsidiary', 'Subsidiary'], ['branch', 'Branch'], ['regional-grouping', 'Regional grouping']];

/**
 * An "Add node…" button that opens the form; candidates() gives the nodes shown in the tree now, added(node, parent)
 * runs after the node (and its link) were stored.
 */
export function addControl(context, hierarchyId, asOf, candidates, added) {
  const { el, api } = context;
  const base = '/hierarchies/' + encodeURIComponent(hierarchyId);
  const holder = el('section', { id: 'hierarchy-add', 'aria-labelledby': 'hierarchy-add-title' },
    el('h2', { id: 'hierarchy-add-title' }, 'Add a node'));
  const open = el('button', { type: 'button', id: 'hierarchy-add-open', class: 'secondary' }, 'Add node…');
  holder.append(open);
  open.addEventListener('click', () => {
    const kind = el('select', { id: 'add-kind', name: 'kind' },
      el('option', { value: 'account' }, 'An account'), el('option', { value: 'grouping' }, 'A grouping (e.g. a region)'));
    const search = el('input', { id: 'add-search', name: 'q', type: 'search', autocomplete: 'off',
      'aria-describedby': 'add-search-hint' });
    const account = el('select', { id: 'add-account', name: 'accountId' }, el('option', { value: '' }, 'Search first'));
    const find = el('button', { type: 'button', class: 'secondary small' }, 'Find');
    const name = el('input', { id: 'add-name', name: 'name', maxlength: 200 });
    const accountFields = el('div', {},
      el('div', { class: 'field' }, el('label', { for: 'add-search' }, 'Account name'), search, ' ', find,
        el('p', { id: 'add-search-hint', class: 'hint-inline' }, 'Part of the name; the first 20 matches are listed.')),
      el('div', { class: 'field' }, el('label', { for: 'add-account' }, 'Account'), account));
    const groupingFields = el('div', { hidden: true },
      el('div', { class: 'field' }, el('label', { for: 'add-name' }, 'Grouping name'), name));
    const parent = el('select', { id: 'add-parent', name: 'parentId' },
      el('option', { value: '' }, 'None: a new root'),
      candidates().map(n => el('option', { value: n.id }, n.name + (n.grouping ? ' (group)' : ''))));
    const type = el('select', { id: 'add-type', name: 'type' }, TYPES.map(([v, label]) => el('option', { value: v }, label)));
    const from = el('input', { id: 'add-from', name: 'validFrom', type: 'date', value: asOf });
    const form = el('form', { id: 'hierarchy-add-form', novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'add-kind' }, 'Node'), kind), accountFields, groupingFields,
      el('div', { class: 'field' }, el('label', { for: 'add-parent' }, 'Parent'), parent),
      el('div', { class: 'field' }, el('label', { for: 'add-type' }, 'Link type'), type),
      el('div', { class: 'field' }, el('label', { for: 'add-from' }, 'Valid from'), from),
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Add'),
        el('button', { type: 'button', class: 'secondary', onclick: () => holder.replaceChildren(holder.firstChild, open) },
          'Cancel')));
    kind.addEventListener('change', () => {
      accountFields.hidden = kind.value !== 'account';
      groupingFields.hidden = kind.value === 'account';
    });
    const lookUp = async () => {
      clearProblem(form);
      const found = await api('/accounts?' + new URLSearchParams({ q: search.value.trim(), limit: '20' }));
      account.replaceChildren(...(found.items.length === 0 ? [el('option', { value: '' }, 'No account matches')]
        : found.items.map(a => el('option', { value: a.id }, a.name + ' (' + a.businessUnit + ')'))));
    };
    find.addEventListener('click', lookUp);
    search.addEventListener('keydown', event => {
      if (event.key === 'Enter') {
        event.preventDefault();
        lookUp();
      }
    });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const labels = { accountId: 'Account', name: 'Grouping name', validFrom: 'Valid from', parentId: 'Parent' };
      if (parent.value && !from.value) {
        showProblem(form, new ApiError(400, { errors: [{ field: 'validFrom', message: 'is required' }] }), { labels });
        return;
      }
      const node = await submitting(form, () => api(base + '/nodes', { method: 'POST',
        json: kind.value === 'account' ? { accountId: account.value || null } : { name: name.value.trim() || null } }),
      { labels });
      if (!node) {
        return;
      }
      if (parent.value) {
        const link = await submitting(form, () => api(base + '/links', { method: 'POST',
          json: { parentId: parent.value, childId: node.id, type: type.value, validFrom: from.value } }), { labels });
        if (!link) {
          return; // the node stays, as a root: the message says why it is not placed
        }
      }
      const under = candidates().find(n => n.id === parent.value);
      holder.replaceChildren(holder.firstChild, open);
      await added(node, under);
    });
    holder.replaceChildren(holder.firstChild, form);
    kind.focus();
  });
  return holder;
}
