// The account 360's buying center: the customer's people as an org chart.
import { orgChart } from '../orgchart.js';

export async function buyingCenter({ context, path, people, body }) {
  const { el, api } = context;
  const center = await api(path + '/buying-center');
  const owners = new Map();
  const collect = async nodes => {
    for (const n of nodes) {
      if (n.relationshipOwner && !owners.has(n.relationshipOwner)) {
        owners.set(n.relationshipOwner, await people(n.relationshipOwner));
      }
      await collect(n.directReports || []);
    }
  };
  await collect(center.roots);
  body.replaceChildren(el('h2', {}, 'Buying center'),
    orgChart(el, center, id => owners.get(id)));
}
