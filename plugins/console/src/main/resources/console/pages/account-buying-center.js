// The account 360's buying center: the customer's people as an org chart, worked on in place. A card opens its
// contact in the form (change, delete); "Move" picks a new manager on the chart itself (a click on the target's
// card, or dragging the card there), and the form's reports-to list does the same from a list.
import { orgChart } from '../orgchart.js';
import { contactForm, fullName, reportsUnder } from './contact-form.js';
import { conflictMessage, ifMatch, isConflict } from './edit-conflict.js';
import { problemText } from '../dom.js';

export async function buyingCenter({ context, path, people, body, refresh }) {
  const { el, api } = context;
  const [center, contacts, members] = await Promise.all([api(path + '/buying-center'), api(path + '/contacts'),
    api(path + '/team')]);
  const byId = new Map(contacts.map(c => [c.id, c]));
  const owners = new Map();
  const userIds = [...contacts.map(c => c.relationshipOwner), ...members.map(m => m.userId)].filter(Boolean);
  for (const id of new Set(userIds)) {
    owners.set(id, await people(id));
  }
  const team = [...new Map(members.map(m => [m.userId, { userId: m.userId, name: owners.get(m.userId) }])).values()];
  const editor = el('div', { id: 'contact-editor' });
  const status = el('div', { class: 'move-status', role: 'status' });
  let moving = null;

  const openForm = contact => {
    cancelMove();
    const form = contactForm(context, path, { contact, contacts, team, done: refresh,
      cancel: () => editor.replaceChildren(),
      reload: async id => openForm(await api(path + '/contacts/' + encodeURIComponent(id))) });
    editor.replaceChildren(form);
    form.scrollIntoView({ block: 'nearest' });
    form.querySelector('input').focus();
  };

  const move = async (contact, managerId) => {
    const manager = managerId ? byId.get(managerId) : null;
    try {
      await api(path + '/contacts/' + encodeURIComponent(contact.id), { method: 'PATCH',
        json: { reportsTo: managerId || null }, headers: ifMatch(contact.version) });
      await refresh(manager ? `${fullName(contact)} now reports to ${fullName(manager)}.`
        : `${fullName(contact)} now reports to nobody.`);
    } catch (error) {
      if (error.status === 401) {
        throw error;
      }
      cancelMove();
      status.replaceChildren(el('p', { class: 'error', role: 'alert' }, `${fullName(contact)} was not moved: `,
        isConflict(error) ? conflictMessage('this contact') : problemText(error)));
    }
  };

  // the cards a contact may move under: not itself, nobody under it, not its manager already
  const targetsFor = contact => {
    const under = reportsUnder(contacts, contact.id);
    return new Set(contacts.filter(c => c.id !== contact.id && !under.has(c.id) && c.id !== contact.reportsTo)
      .map(c => c.id));
  };

  const startMove = contact => {
    moving = { contact, targets: targetsFor(contact) };
    chart.classList.add('moving');
    for (const card of chart.querySelectorAll('.contact')) {
      const id = card.getAttribute('data-contact-id');
      card.classList.toggle('move-source', id === contact.id);
      card.classList.toggle('move-target', moving.targets.has(id));
      const place = card.querySelector('.place-here');
      if (place) {
        place.hidden = !moving.targets.has(id);
      }
    }
    const top = el('button', { type: 'button', class: 'secondary', hidden: !contact.reportsTo,
      onclick: () => move(contact, null) }, 'Top of the chart');
    const cancel = el('button', { type: 'button', class: 'secondary', onclick: cancelMove }, 'Cancel move');
    status.replaceChildren(el('p', {}, `Moving ${fullName(contact)}: choose the new manager's card`
      + ' ("Place under" on it), or put them at the top of the chart.'), el('div', { class: 'actions' }, top, cancel));
    (chart.querySelector('.place-here:not([hidden])') || (top.hidden ? cancel : top)).focus();
  };

  function cancelMove() {
    moving = null;
    chart.classList.remove('moving');
    for (const card of chart.querySelectorAll('.contact')) {
      card.classList.remove('move-source', 'move-target');
    }
    for (const place of chart.querySelectorAll('.place-here')) {
      place.hidden = true;
    }
    status.replaceChildren();
  }

  const decorate = (node, card) => {
    const contact = byId.get(node.contactId);
    if (!contact) {
      return;
    }
    const name = fullName(contact);
    card.append(el('div', { class: 'card-actions' },
      el('button', { type: 'button', class: 'secondary edit-contact', onclick: () => openForm(contact) }, 'Edit',
        el('span', { class: 'visually-hidden' }, ' ' + name)),
      el('button', { type: 'button', class: 'secondary move-contact', onclick: () => startMove(contact) }, 'Move',
        el('span', { class: 'visually-hidden' }, ' ' + name)),
      el('button', { type: 'button', class: 'place-here', hidden: true,
        onclick: () => moving && move(moving.contact, contact.id) }, 'Place under',
      el('span', { class: 'visually-hidden' }, ' ' + name))));
    // a click anywhere on the card edits it, or in a move places the moving contact under it
    card.addEventListener('click', event => {
      if (event.target.closest('button')) {
        return;
      }
      if (moving) {
        if (moving.targets.has(contact.id)) {
          move(moving.contact, contact.id);
        }
      } else {
        openForm(contact);
      }
    });
    card.setAttribute('draggable', 'true');
    card.addEventListener('dragstart', event => {
      event.dataTransfer.setData('text/plain', contact.id);
      event.dataTransfer.effectAllowed = 'move';
      startMove(contact);
    });
    card.addEventListener('dragover', event => {
      if (moving && moving.targets.has(contact.id)) {
        event.preventDefault();
      }
    });
    card.addEventListener('drop', event => {
      event.preventDefault();
      if (moving && moving.targets.has(contact.id)) {
        move(moving.contact, contact.id);
      }
    });
  };

  const chart = orgChart(el, center, id => owners.get(id), decorate);
  body.replaceChildren(
    el('div', { class: 'section-head' }, el('h2', {}, 'Buying center'),
      el('button', { type: 'button', id: 'add-contact', onclick: () => openForm(null) }, 'Add a contact')),
    editor, status, chart);
}
