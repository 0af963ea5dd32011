// The account 360's panel of this plugin: where the account sits in each global-account hierarchy that holds it
// (the path from the root, how many children it has) with a link to the hierarchy page. An account in none shows
// nothing.

const PAGE = 'hierarchy-tree';

/** Fills element (a section of the 360) with the account's places, or removes it when there is none. */
export async function accountPanel(element, context, account) {
  const { el, api } = context;
  // 404: hierarchies are not served for the account's unit (or the plugin left meanwhile)
  const answer = await api('/accounts/' + encodeURIComponent(account.id) + '/hierarchy')
    .catch(error => (error.status === 404 ? { items: [] } : Promise.reject(error)));
  if (answer.items.length === 0) {
    element.remove();
    return;
  }
  element.setAttribute('aria-labelledby', 'account-hierarchy-title');
  element.id = 'account-hierarchy';
  element.replaceChildren(el('h2', { id: 'account-hierarchy-title' }, 'Global account'),
    el('ul', { class: 'hierarchy-places' }, answer.items.map(place => el('li', { 'data-hierarchy': place.hierarchyId },
      el('a', { href: context.href(PAGE, place.hierarchyId, { asOf: place.asOf, node: place.node.id }) },
        place.hierarchyName),
      ': ',
      el('span', { class: 'hierarchy-path' }, [
        place.hiddenAncestors > 0 ? `${place.hiddenAncestors} node(s) you may not see › ` : null,
        ...place.path.map(n => n.name + ' › '),
        el('strong', {}, place.node.name)]),
      ' ', el('span', { class: 'muted' }, `(${place.node.childCount} ${place.node.childCount === 1 ? 'child' : 'children'})`)))));
}
