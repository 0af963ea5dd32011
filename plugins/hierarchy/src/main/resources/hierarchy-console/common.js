// What the hierarchy pages share: choosing a hierarchy when the address names none.

/**
 * The hierarchy a page shows (its id is the address' path). Without one, lists the hierarchies the user sees to pick
 * from (each link opening page), then extra (e.g. a form for a new one), and returns null.
 */
export async function hierarchyOrPick(element, context, page, title, extra = null) {
  const { el, api } = context;
  const id = context.route.path;
  if (id) {
    return api('/hierarchies/' + encodeURIComponent(id));
  }
  const hierarchies = await api('/hierarchies');
  element.replaceChildren(el('h1', {}, title),
    el('p', {}, 'Choose a global account to open its hierarchy.'),
    hierarchies.items.length === 0 ? el('p', { class: 'empty' }, 'No hierarchy yet.')
      : el('ul', { id: 'hierarchy-list' }, hierarchies.items.map(h =>
        el('li', {}, el('a', { href: context.href(page, h.id) }, h.name)))), extra);
  return null;
}

/** The path of a hierarchy's node under /api/v1, with rest appended. */
export function nodePath(hierarchyId, nodeId, rest = '') {
  return '/hierarchies/' + encodeURIComponent(hierarchyId) + '/nodes/' + encodeURIComponent(nodeId) + rest;
}
