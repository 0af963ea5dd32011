// A node's links to its parents over time, each removable (If-Match: a link someone changed meanwhile is not removed
// unseen). Removing the current link makes the node and its subtree a root; moving is the other way to change it.
import { problemText } from '/console/kit/v1/dom.js';
import { cell, dataTable } from '/console/kit/v1/tables.js';
import { day, words } from '/console/kit/v1/format.js';
import { nodePath } from './common.js';

/** A section listing the node's parent links; removed(link, parentName) runs after a removal was stored. */
export async function parentLinks(context, section, hierarchyId, node, asOf, removed) {
  const { el, api } = context;
  const place = await api(nodePath(hierarchyId, node.id, '?asOf=' + encodeURIComponent(asOf)));
  const heading = el('h2', { id: 'hierarchy-links-title' }, 'Parents of ' + node.name);
  if (place.parentLinks.length === 0) {
    section.replaceChildren(heading, el('p', { class: 'empty' }, node.name + ' has never had a parent: it is a root.'));
    return;
  }
  const names = new Map(await Promise.all([...new Set(place.parentLinks.map(l => l.parentId))].map(async id =>
    [id, await api(nodePath(hierarchyId, id)).then(p => p.node.name, () => 'a node you may not see')])));
  const message = el('p', { role: 'status', id: 'hierarchy-links-message' });
  const remove = link => {
    const parent = names.get(link.parentId);
    const button = el('button', { type: 'button', class: 'secondary small' }, 'Remove',
      el('span', { class: 'visually-hidden' }, ' the link to ' + parent));
    button.addEventListener('click', () => {
      const confirm = el('button', { type: 'button', class: 'small danger', 'data-link': link.id }, 'Remove the link to '
        + parent);
      const keep = el('button', { type: 'button', class: 'secondary small' }, 'Keep');
      const ask = el('span', { class: 'actions-row' }, confirm, keep);
      keep.addEventListener('click', () => ask.replaceWith(button));
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        try {
          await api('/hierarchies/' + encodeURIComponent(hierarchyId) + '/links/' + encodeURIComponent(link.id),
            { method: 'DELETE', headers: { 'If-Match': '"' + link.version + '"' } });
          await removed(link, parent);
        } catch (error) {
          if (error.status === 401) {
            throw error;
          }
          message.textContent = error.status === 412
            ? 'Someone changed this link meanwhile: choose the node again to see it as it is now.'
            : problemText(error);
          message.className = 'error';
          confirm.disabled = false;
        }
      });
      button.replaceWith(ask);
      confirm.focus();
    });
    return button;
  };
  section.replaceChildren(heading, message,
    dataTable(el, 'Links of ' + node.name + ' to its parents', ['Parent', 'Type', 'From', 'Until', ''],
      place.parentLinks.map(l => [names.get(l.parentId), words(l.type), cell(day(l.validFrom), l.validFrom),
        l.validTo ? cell(day(l.validTo), l.validTo) : 'open', remove(l)]), { sortable: false, download: false }));
}
