// The account's open follow-ups on the 360's overview: the overdue ones and the upcoming ones in lists of their
// own, each with its owner and what it serves (an opportunity or a plan action), a done and an edit button; and a
// form to add or change one with an owner from the account team and, if it serves one, the opportunity or plan
// action.
import { submitting } from '../forms.js';
import { cell, dataTable } from '../tables.js';
import { conflictMessage, explainingConflicts, ifMatch, isConflict, offerReload } from './edit-conflict.js';
import { problemText } from '../dom.js';

/** The plan actions of an account's plans, as [{ id, description, plan }]. */
function planActions(plans) {
  return plans.flatMap(p => (p.objectives || []).flatMap(o => (o.strategies || []).flatMap(s => (s.actions || [])
    .map(a => ({ id: a.id, description: a.description, plan: p.title, status: p.status })))));
}

/** The section; refresh(message) draws the page again with a message. */
export async function followUps(context, path, people, refresh) {
  const { el, api, session } = context;
  const [all, opportunities, plans, members] = await Promise.all([api(path + '/follow-ups'),
    api(path + '/opportunities').catch(() => []), api(path + '/plans').catch(() => []), api(path + '/team')]);
  const actions = planActions(plans);
  const opportunityName = new Map(opportunities.map(o => [o.id, o.name]));
  const actionName = new Map(actions.map(a => [a.id, a.description]));
  const today = new Date().toISOString().slice(0, 10);
  const open = all.filter(f => f.status === 'open');
  const serves = f => [
    f.opportunityId ? `Opportunity: ${opportunityName.get(f.opportunityId) || 'one no longer listed'}` : null,
    f.planActionId ? `Plan action: ${actionName.get(f.planActionId) || 'one no longer listed'}` : null
  ].filter(Boolean).join('; ') || '—';
  const names = new Map(await Promise.all([...new Set(open.map(f => f.owner))].map(async id => [id, await people(id)])));
  const row = f => {
    const done = el('button', { type: 'button', class: 'secondary' }, 'Mark done',
      el('span', { class: 'visually-hidden' }, ': ' + f.title));
    done.addEventListener('click', async () => {
      done.disabled = true;
      try {
        await api(path + '/follow-ups/' + encodeURIComponent(f.id), { method: 'PATCH', json: { status: 'done' },
          headers: ifMatch(f.version) });
        await refresh('The follow-up is done.');
      } catch (error) {
        if (error.status === 401) {
          throw error;
        }
        done.disabled = false;
        done.after(el('span', { class: 'error', role: 'alert' }, ' ',
          isConflict(error) ? conflictMessage('this follow-up') : problemText(error)));
      }
    });
    const edit = el('button', { type: 'button', class: 'secondary edit-follow-up', onclick: () => showForm(f) }, 'Edit',
      el('span', { class: 'visually-hidden' }, ': ' + f.title));
    const overdue = f.dueDate < today;
    return [f.title, cell(el('span', { class: overdue ? 'gap' : '' }, f.dueDate, overdue ? ' (overdue)' : ''), f.dueDate),
      names.get(f.owner), serves(f), el('span', { class: 'actions-row' }, done, edit)];
  };
  const overdueRows = open.filter(f => f.dueDate < today).map(row);
  const upcomingRows = open.filter(f => f.dueDate >= today).map(row);
  const headers = ['Follow-up', 'Due', 'Owner', 'For', 'Action'];

  // without an owner the API makes the caller the owner: "Me"
  const me = session && session.userId;
  const ownerOptions = await Promise.all([...new Set(members.map(m => m.userId))].filter(id => id !== me)
    .map(async id => [id, await people(id)]));
  const select = (name, label, emptyLabel, options, chosen) => el('div', { class: 'field' },
    el('label', { for: 'follow-up-' + name }, label),
    el('select', { id: 'follow-up-' + name, name }, el('option', { value: '' }, emptyLabel),
      options.map(([value, text]) => el('option', { value, selected: value === chosen }, text))));

  /** The form for a new follow-up, or to change the open follow-up f (its fields filled in). */
  const followUpForm = f => {
    const editing = Boolean(f);
    const v = f || {};
    const owners = [...ownerOptions];
    if (editing && v.owner !== me && !owners.some(([id]) => id === v.owner)) {
      owners.push([v.owner, names.get(v.owner)]);
    }
    const title = el('input', { id: 'follow-up-title', name: 'title', type: 'text', maxlength: '200', required: true,
      value: v.title || '' });
    const due = el('input', { id: 'follow-up-dueDate', name: 'dueDate', type: 'date', required: true,
      value: v.dueDate || '' });
    const form = el('form', { id: 'follow-up-form', class: 'inline-form', 'aria-labelledby': 'follow-up-form-title',
      novalidate: true, 'data-follow-up-id': v.id || null },
    el('h3', { id: 'follow-up-form-title' }, editing ? `Edit the follow-up "${v.title}"` : 'Add a follow-up'),
    el('div', { class: 'toolbar' },
      el('div', { class: 'field' }, el('label', { for: 'follow-up-title' }, 'What is to be done'), title),
      el('div', { class: 'field' }, el('label', { for: 'follow-up-dueDate' }, 'Due'), due),
      select('owner', 'Owner', 'Me', owners, v.owner),
      select('opportunityId', 'For the opportunity', 'None', opportunities
        .filter(o => o.status === 'open' || !o.status || o.id === v.opportunityId).map(o => [o.id, o.name]),
      v.opportunityId),
      select('planActionId', 'For the plan action', 'None', actions
        .filter(a => a.status !== 'archived' || a.id === v.planActionId).map(a => [a.id, `${a.description} (${a.plan})`]),
      v.planActionId),
      el('button', { type: 'submit' }, editing ? 'Save follow-up' : 'Add follow-up'),
      editing ? el('button', { type: 'button', class: 'secondary', onclick: () => showForm(null) }, 'Cancel') : null));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const body = { title: title.value.trim() };
      for (const name of ['dueDate', 'owner', 'opportunityId', 'planActionId']) {
        if (form.elements[name].value) {
          body[name] = form.elements[name].value;
        }
      }
      let conflict = false;
      const work = editing
        ? () => api(path + '/follow-ups/' + encodeURIComponent(v.id), { method: 'PUT',
          json: { ...body, notes: v.notes, status: v.status, owner: body.owner || me }, headers: ifMatch(v.version) })
        : () => api(path + '/follow-ups', { method: 'POST', json: body });
      const saved = await submitting(form, explainingConflicts('this follow-up', work, () => { conflict = true; }));
      if (conflict) {
        offerReload(form, 'Load their version', async () => showForm(
          await api(path + '/follow-ups/' + encodeURIComponent(v.id))));
      }
      if (saved) {
        await refresh(editing ? 'The follow-up was saved.' : 'The follow-up was added.');
      }
    });
    return form;
  };
  const holder = el('div', { id: 'follow-up-editor' });
  function showForm(f) {
    const form = followUpForm(f);
    holder.replaceChildren(form);
    if (f) {
      form.scrollIntoView({ block: 'nearest' });
      form.elements.title.focus();
    }
  }
  showForm(null);
  return el('section', { class: 'follow-ups', 'aria-labelledby': 'follow-ups-title' },
    el('h2', { id: 'follow-ups-title' }, 'Open follow-ups'),
    el('div', { class: 'follow-up-lists' },
      el('section', { id: 'follow-ups-overdue', 'aria-labelledby': 'follow-ups-overdue-title' },
        el('h3', { id: 'follow-ups-overdue-title' }, 'Overdue'),
        dataTable(el, 'Overdue follow-ups, longest overdue first', headers, overdueRows,
          { empty: 'Nothing is overdue.', sorted: [1, 'ascending'] })),
      el('section', { id: 'follow-ups-upcoming', 'aria-labelledby': 'follow-ups-upcoming-title' },
        el('h3', { id: 'follow-ups-upcoming-title' }, 'Upcoming'),
        dataTable(el, 'Upcoming follow-ups, soonest first', headers, upcomingRows,
          { empty: 'Nothing is planned.', sorted: [1, 'ascending'] }))),
    holder);
}
