// Creating and editing an account: the API checks every field and its problem+json names the bad ones, which
// forms.js shows next to their inputs. An edit sends only what changed, based on the version it was read at.
import { submitting } from '../forms.js';
import { STATUSES, TIERS } from './accounts.js';

const TEXTS = [
  ['name', 'Name', { required: true, maxlength: 200, autocomplete: 'organization' }],
  ['legalName', 'Legal name', { maxlength: 200 }],
  ['industry', 'Industry', { maxlength: 100 }],
  ['country', 'Country (ISO code, e.g. DE)', { maxlength: 2, autocomplete: 'country' }],
  ['region', 'Region', { maxlength: 100 }],
  ['owner', 'Key account manager (user name)', { maxlength: 64 }]
];
const AMOUNTS = [
  ['annualSales', 'Annual sales'],
  ['contributionMargin', 'Contribution margin'],
  ['potential', 'Potential (3 years)']
];

export async function render(element, context, accountId) {
  const { el, api } = context;
  let account = null;
  let ownerName = '';
  if (accountId) {
    account = await api('/accounts/' + encodeURIComponent(accountId));
    ownerName = await userName(api, account.owner);
  }
  const value = name => (account && account[name] !== null && account[name] !== undefined ? String(account[name]) : '');
  const field = (name, label, input) => el('div', { class: 'field' }, el('label', { for: 'account-' + name }, label), input);
  const text = (name, label, attributes) => field(name, label, el('input', {
    id: 'account-' + name, name, type: 'text', value: name === 'owner' ? ownerName : value(name), ...attributes }));
  const select = (name, label, options, current) => field(name, label, el('select', { id: 'account-' + name, name },
    options.map(o => el('option', { value: o.value, selected: o.value === current }, o.label))));
  const units = context.units.map(u => ({ value: u.id, label: u.name }));
  const form = el('form', { class: 'record-form', novalidate: true, 'aria-labelledby': 'account-form-title' },
    el('h1', { id: 'account-form-title' }, account ? 'Edit ' + account.name : 'New account'),
    el('div', { class: 'form-grid' },
      account ? null : select('businessUnit', 'Business unit', units, context.businessUnit || (units[0] || {}).value),
      TEXTS.map(([name, label, attributes]) => text(name, label, attributes)),
      select('status', 'Status', STATUSES.map(s => ({ value: s, label: s })), account ? account.status : 'prospect'),
      select('tier', 'Tier', TIERS.map(t => ({ value: t, label: t })), account ? account.tier : 'none'),
      AMOUNTS.map(([name, label]) => text(name, label, { inputmode: 'decimal' })),
      text('currency', 'Currency (ISO code, e.g. EUR)', { maxlength: 3 })),
    el('div', { class: 'actions' },
      el('button', { type: 'submit' }, account ? 'Save changes' : 'Create account'),
      el('a', { class: 'button secondary', href: account ? context.href('accounts', account.id)
        : context.href('accounts') }, 'Cancel')));
  element.replaceChildren(form);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = readForm(form, account, ownerName);
    const saved = await submitting(form, () => account
      ? api('/accounts/' + encodeURIComponent(account.id), { method: 'PATCH', json: body,
        headers: { 'If-Match': `"${account.version}"` } })
      : api('/accounts', { method: 'POST', json: body }));
    if (saved) {
      context.navigate(context.href('accounts', saved.id, { saved: account ? 'updated' : 'created' }));
    }
  });
}

/** The form's values as the API takes them; for an edit, only the fields that changed. */
function readForm(form, account, ownerName) {
  const body = {};
  for (const control of form.elements) {
    if (!control.name) {
      continue;
    }
    const raw = control.value.trim();
    let value = raw === '' ? null : raw;
    if (['country', 'currency'].includes(control.name) && value) {
      value = value.toUpperCase();
    }
    if (!account) {
      if (value !== null) {
        body[control.name] = value;
      }
      continue;
    }
    const before = control.name === 'owner' ? (ownerName || null) : account[control.name];
    const same = before === null || before === undefined ? value === null : String(before) === value;
    if (!same) {
      body[control.name] = value;
    }
  }
  return body;
}

/** A user's name for the form; administrators can look users up, others see the id they may keep. */
async function userName(api, id) {
  if (!id) {
    return '';
  }
  try {
    const user = await api('/users/' + encodeURIComponent(id));
    return user.username;
  } catch (error) {
    return id;
  }
}
