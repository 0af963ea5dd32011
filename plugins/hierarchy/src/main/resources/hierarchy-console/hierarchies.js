// Global accounts (#/hierarchy-tree/<hierarchy id>?asOf=<day>&node=<node id>): the tree opens level by level (a page
// of 100 children at a time, so a 100,000-node hierarchy stays usable); a chosen node shows its rollup own / children
// / total with the rates used, a treemap of sales by child, its coverage matrix, a chooser to move it (or drag it onto
// its new parent) and its links to its parents, each removable. Without a hierarchy in the address: the list to
// choose from, and a form for a new one. Nodes are added under a node opened in the tree, or as new roots. The account
// 360 shows the account's place (accountPanel).
import { problemText, show } from '/console/kit/v1/dom.js';
import { hierarchyOrPick, nodePath } from './common.js';
import { rollup, salesByChild } from './node-rollup.js';
import { coverage } from './node-coverage.js';
import { moveControl } from './node-move.js';
import { parentLinks } from './node-links.js';
import { addControl } from './node-add.js';
import { newHierarchyForm } from './hierarchy-new.js';
export { accountPanel } from './account-place.js';

const PAGE = 'hierarchy-tree';
const LEVEL = 100;
const DRAGGED = 'application/x-openkam-hierarchy-node';

export async function render(element, context) {
  const hierarchy = await hierarchyOrPick(element, context, PAGE, 'Global accounts',
    newHierarchyForm(context, created => context.navigate(context.href(PAGE, created.id))));
  if (!hierarchy) {
    return;
  }
  const { el, api } = context;
  const id = hierarchy.id;
  const asOf = context.route.params.get('asOf') || new Date().toISOString().slice(0, 10);
  const base = '/hierarchies/' + encodeURIComponent(id);
  const shown = new Map(); // the nodes the tree shows now: the move's candidates
  const panel = el('div', { id: 'hierarchy-node' },
    el('section', { id: 'hierarchy-rollup', 'aria-labelledby': 'hierarchy-rollup-title' },
      el('h2', { id: 'hierarchy-rollup-title' }, 'Rollup'),
      el('p', {}, 'Choose a node in the tree to see its figures, coverage and chart.')));
  const day = el('input', { id: 'hierarchy-as-of', type: 'date', name: 'asOf', value: asOf });
  const dayForm = el('form', { id: 'hierarchy-day', class: 'inline-form' },
    el('label', { for: 'hierarchy-as-of' }, 'As of'), day, el('button', { type: 'submit' }, 'Show'));
  dayForm.addEventListener('submit', event => {
    event.preventDefault();
    context.navigate(context.href(PAGE, id, new URLSearchParams({ asOf: day.value })));
  });

  // each part of the panel loads by itself: a slow coverage (every account's team) holds up nothing else
  const part = (partId, title, load) => {
    const section = el('section', { id: partId, 'aria-labelledby': partId + '-title', 'aria-busy': 'true' },
      el('h2', { id: partId + '-title' }, title), el('p', { class: 'muted' }, 'Loading…'));
    const done = load(section).catch(error => {
      if (error && error.status === 401) {
        throw error;
      }
      section.replaceChildren(el('h2', { id: partId + '-title' }, title), el('p', { role: 'alert' }, problemText(error)));
    }).finally(() => section.removeAttribute('aria-busy'));
    return { section, done };
  };

  const select = async (node, notice, dropParent) => {
    history.replaceState(null, '', context.href(PAGE, id, new URLSearchParams({ asOf, node: node.id })));
    for (const li of tree.querySelectorAll('li[aria-current]')) {
      li.removeAttribute('aria-current');
    }
    const li = tree.querySelector(`li[data-node="${CSS.escape(node.id)}"]`);
    if (li) {
      li.setAttribute('aria-current', 'true');
    }
    let figures = null;
    const figuresPart = part('hierarchy-rollup', 'Rollup: ' + node.name, async s => {
      figures = await rollup(context, s, id, node, asOf);
    });
    const chartPart = part('hierarchy-chart', 'Sales by child', async s => {
      await figuresPart.done;
      if (figures) {
        await salesByChild(context, s, id, node, asOf, figures);
      } else {
        show(s, el('h2', { id: 'hierarchy-chart-title' }, 'Sales by child'), el('p', {}, 'No figures to draw.'));
      }
    });
    const coveragePart = part('hierarchy-coverage', 'Coverage: ' + node.name, s => coverage(context, s, id, node, asOf));
    const linksPart = part('hierarchy-links', 'Parents of ' + node.name, s => parentLinks(context, s, id, node, asOf,
      async (link, parent) => {
        await reload();
        await reveal(node.id, `The link of ${node.name} to ${parent} was removed.`);
      }));
    const move = moveControl(context, id, node, asOf, () => [...shown.values()], async (link, parent) => {
      await reload();
      await reveal(node.id, `${node.name} moved under ${parent ? parent.name : 'its new parent'} from ${link.validFrom}.`);
    }, dropParent);
    show(panel, notice ? el('p', { class: 'notice', role: 'status', id: 'hierarchy-notice' }, notice) : null,
      figuresPart.section, chartPart.section, coveragePart.section, move, linksPart.section);
    await Promise.all([figuresPart.done, chartPart.done, coveragePart.done, linksPart.done]);
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
    shown.set(node.id, node);
    const children = el('ul', { hidden: true });
    const li = el('li', { 'data-node': node.id });
    const name = el('button', { type: 'button', class: 'node-name', draggable: 'true', onclick: () => select(node) },
      node.name + (node.grouping ? ' (group)' : ''));
    // drag a node onto another: the move form opens with that parent chosen, for the day to be confirmed
    name.addEventListener('dragstart', event => event.dataTransfer.setData(DRAGGED, node.id));
    name.addEventListener('dragover', event => {
      if (event.dataTransfer.types.includes(DRAGGED)) {
        event.preventDefault();
      }
    });
    name.addEventListener('drop', event => {
      const dragged = shown.get(event.dataTransfer.getData(DRAGGED));
      if (dragged && dragged.id !== node.id) {
        event.preventDefault();
        select(dragged, null, node.id);
      }
    });
    if (node.childCount > 0) {
      const toggle = el('button', { type: 'button', class: 'node-toggle', 'aria-expanded': 'false',
        'aria-label': 'Open ' + node.name + ' (' + node.childCount + ')' }, '+');
      let loaded = null;
      li.open = async () => {
        toggle.setAttribute('aria-expanded', 'true');
        toggle.textContent = '−';
        children.hidden = false;
        loaded = loaded || openLevel(node.id, children);
        await loaded;
      };
      toggle.addEventListener('click', async () => {
        if (toggle.getAttribute('aria-expanded') === 'true') {
          toggle.setAttribute('aria-expanded', 'false');
          toggle.textContent = '+';
          children.hidden = true;
        } else {
          await li.open();
        }
      });
      li.append(toggle, ' ', name, ' ', el('span', { class: 'count' }, '(' + node.childCount + ')'), children);
    } else {
      li.append(el('span', { class: 'node-leaf', 'aria-hidden': 'true' }, '·'), ' ', name);
    }
    return li;
  };

  const tree = el('ul', { id: 'hierarchy-tree', 'aria-label': 'Nodes of ' + hierarchy.name });
  const reload = async () => {
    shown.clear();
    tree.replaceChildren();
    await openLevel(null, tree);
  };
  element.replaceChildren(el('div', { class: 'page-head' }, el('h1', {}, hierarchy.name),
    el('a', { class: 'button secondary', href: context.href('hierarchy-gleif', id) }, 'Import GLEIF files')),
  dayForm,
  el('div', { class: 'hierarchy-layout' }, el('section', { 'aria-labelledby': 'hierarchy-tree-title' },
    el('h2', { id: 'hierarchy-tree-title' }, 'Tree on ' + asOf), tree,
    addControl(context, id, asOf, () => [...shown.values()], async (node, parent) => {
      await reload();
      await reveal(node.id, `${node.name} added ${parent ? 'under ' + parent.name : 'as a new root'}.`);
    })), panel));
  await reload();
  const wanted = context.route.params.get('node');
  if (wanted) {
    await reveal(wanted);
  }

  /**
   * Opens the tree down to a node (as far as its ancestors are on the levels' first pages) and selects it, saying
   * notice above its panel.
   */
  async function reveal(nodeId, notice) {
    const place = await api(nodePath(id, nodeId, '?asOf=' + encodeURIComponent(asOf)));
    for (const above of place.path) {
      const li = tree.querySelector(`li[data-node="${CSS.escape(above.id)}"]`);
      if (!li || !li.open) {
        break;
      }
      await li.open();
    }
    await select(place.node, notice);
  }
}
