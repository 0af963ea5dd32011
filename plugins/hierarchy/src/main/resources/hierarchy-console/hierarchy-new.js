// A new global account hierarchy: its name and the business unit that owns it (one the user may edit), then the page
// opens it to add its nodes.
import { submitting } from '/console/kit/v1/forms.js';

/** The form, for the list of hierarchies; opened(hierarchy) runs after the hierarchy was created. */
export function newHierarchyForm(context, opened) {
  const { el, api, session } = context;
  const units = context.units.filter(u => session.admin
    || (session.grants[u.id] || []).some(r => r === 'key-account-manager' || r === 'bu-admin'));
  if (units.length === 0) {
    return null; // a viewer creates nothing
  }
  const name = el('input', { id: 'new-hierarchy-name', name: 'name', required: true, maxlength: 200 });
  const unit = el('select', { id: 'new-hierarchy-unit', name: 'businessUnit' },
    units.map(u => el('option', { value: u.id }, u.name)));
  const form = el('form', { id: 'new-hierarchy-form', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'new-hierarchy-name' }, 'Name'), name),
    el('div', { class: 'field' }, el('label', { for: 'new-hierarchy-unit' }, 'Owning business unit'), unit),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const created = await submitting(form, () => api('/hierarchies', { method: 'POST',
      json: { name: name.value.trim() || null, businessUnit: unit.value || null } }),
    { labels: { name: 'Name', businessUnit: 'Owning business unit' } });
    if (created) {
      opened(created);
    }
  });
  return el('section', { class: 'panel', 'aria-labelledby': 'new-hierarchy-title' },
    el('h2', { id: 'new-hierarchy-title' }, 'New hierarchy'), form);
}
