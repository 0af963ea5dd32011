// Global accounts (#/hierarchy-tree/<hierarchy id>?asOf=<day>): the tree opens level by level (a page of 100
// children at a time, so a 100,000-node hierarchy stays usable), and a chosen node shows its rollup own / children /
// total in the reporting currency with the rates used. Without a hierarchy in the address: the list to choose from.
import { dataTable } from '/console/kit/v1/tables.js';
import { problemText } from '/console/kit/v1/dom.js';
import { money } from '/console/kit/v1/format.js';

const PAGE = 'hierarchy-tree';
const LEVEL = 100;
const FIGURES = [['sales', 'Sales'], ['contributionMargin', 'Contribution margin'], ['potential', 'Potential'],
  ['openPipeline', 'Open pipeline'], ['weightedPipeline', 'Weighted pipeline']];
const COUNTS = [['accounts', 'Accounts'], ['opportunities', 'Open opportunities']];

export async function render(element, context) {
  const id = context.route.path;
  if (!id) {
    await list(element, context);
    return;
  }
  const { el, api } = context;
  const asOf = context.route.params.get('asOf') || new Date().toISOString().slice(0, 10);
  const base = '/hierarchies/' + encodeURIComponent(id);
  const hierarchy = await api(base);
  const rollup = el('section', { id: 'hierarchy-rollup', 'aria-labelledby': 'hierarchy-rollup-title' },
    el('h2', { id: 'hierarchy-rollup-title' }, 'Rollup'),
    el('p', {}, 'Choose a node in the tree to see its figures.'));
  const day = el('input', { id: 'hierarchy-as-of', type: 'date', name: 'asOf', value: asOf });
  const dayForm = el('form', { id: 'hierarchy-day', class: 'inline-form' },
    el('label', { for: 'hierarchy-as-of' }, 'As of'), day, el('button', { type: 'submit' }, 'Show'));
  dayForm.addEventListener('submit', event => {
    event.preventDefault();
    context.navigate(context.href(PAGE, id, new URLSearchParams({ asOf: day.value })));
  });

  const showRollup = async node => {
    rollup.setAttribute('aria-busy', 'true');
    try {
      const r = await api(base + '/nodes/' + encodeURIComponent(node.id) + '/rollup?asOf=' + encodeURIComponent(asOf));
      rollup.replaceChildren(el('h2', { id: 'hierarchy-rollup-title' }, 'Rollup: ' + node.name),
        dataTable(el, node.name + ' on ' + r.asOf + ' in ' + r.currency, ['Figure', 'Own', 'Children', 'Total'],
          [...FIGURES.map(([key, label]) => [label, ...['own', 'children', 'total'].map(p => figure(r.money[key][p], r.currency))]),
            ...COUNTS.map(([key, label]) => [label, ...['own', 'children', 'total'].map(p => String(r.counts[key][p]))])],
          { numeric: [1, 2, 3] }),
        el('p', { id: 'hierarchy-rates' }, r.rates.length === 0 ? 'No exchange rate was needed.'
          : 'Rates used: ' + r.rates.map(x => `1 ${x.from} = ${x.rate} ${x.to} (published ${x.publishedOn})`).join('; ')),
        r.hiddenNodes > 0 ? el('p', { class: 'note' }, r.hiddenNodes + ' account(s) of units you may not see are left out.')
          : null);
    } catch (error) {
      rollup.replaceChildren(el('h2', { id: 'hierarchy-rollup-title' }, 'Rollup'), el('p', { role: 'alert' }, problemText(error)));
    } finally {
      rollup.removeAttribute('aria-busy');
    }
  };

  // one level: its children a page at a time, with how many the caller may not see
  const openLevel = async (parentId, into) => {
    let offset = 0;
    const more = el('li', { class: 'more' });
    const load = async () => {
      const query = new URLSearchParams({ asOf, limit: String(LEVEL), offset: String(offset) });
      if (parentId) {
        query.set('parentId', parentId);
      }
      const level = await api(base + '/nodes?' + query);
      more.remove();
      level.items.forEach(node => into.append(item(node)));
      offset += level.items.length;
      if (offset === level.items.length && level.hidden > 0) {
        into.append(el('li', { class: 'hidden-count' }, level.hidden + ' node(s) here you may not see'));
      }
      if (level.total > offset) {
        more.replaceChildren(el('button', { type: 'button', onclick: load },
          'Show ' + Math.min(LEVEL, level.total - offset) + ' more of ' + (level.total - offset)));
        into.append(more);
      }
      if (level.items.length === 0 && level.hidden === 0) {
        into.append(el('li', { class: 'empty' }, 'No node on this day.'));
      }
    };
    await load();
  };

  const item = node => {
    const children = el('ul', { hidden: true });
    const li = el('li', { 'data-node': node.id });
    const name = el('button', { type: 'button', class: 'node-name', onclick: () => showRollup(node) },
      node.name + (node.grouping ? ' (group)' : ''));
    if (node.childCount > 0) {
      const toggle = el('button', { type: 'button', class: 'node-toggle', 'aria-expanded': 'false',
        'aria-label': 'Open ' + node.name + ' (' + node.childCount + ')' }, '+');
      let loaded = false;
      toggle.addEventListener('click', async () => {
        const open = toggle.getAttribute('aria-expanded') === 'true';
        toggle.setAttribute('aria-expanded', String(!open));
        toggle.textContent = open ? '+' : '−';
        children.hidden = open;
        if (!open && !loaded) {
          loaded = true;
          await openLevel(node.id, children);
        }
      });
      li.append(toggle, ' ', name, ' ', el('span', { class: 'count' }, '(' + node.childCount + ')'), children);
    } else {
      li.append(el('span', { class: 'node-leaf', 'aria-hidden': 'true' }, '·'), ' ', name);
    }
    return li;
  };

  const tree = el('ul', { id: 'hierarchy-tree', 'aria-label': 'Nodes of ' + hierarchy.name });
  element.replaceChildren(el('h1', {}, hierarchy.name), dayForm,
    el('div', { class: 'hierarchy-layout' }, el('section', { 'aria-labelledby': 'hierarchy-tree-title' },
      el('h2', { id: 'hierarchy-tree-title' }, 'Tree on ' + asOf), tree), rollup));
  await openLevel(null, tree);
}

/** A figure in the reporting currency, with what had no rate to it added in its own currency. */
function figure(m, currency) {
  const apart = Object.entries(m.unconverted || {}).map(([c, v]) => ' + ' + money(v, c));
  return money(m.amount, currency) + apart.join('');
}

async function list(element, context) {
  const { el, api } = context;
  const hierarchies = await api('/hierarchies');
  element.replaceChildren(el('h1', {}, 'Global accounts'),
    el('p', {}, 'Choose a global account to open its hierarchy.'),
    hierarchies.items.length === 0 ? el('p', { class: 'empty' }, 'No hierarchy yet.')
      : el('ul', { id: 'hierarchy-list' }, hierarchies.items.map(h =>
        el('li', {}, el('a', { href: context.href(PAGE, h.id) }, h.name)))));
}
