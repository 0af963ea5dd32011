// Business reviews of an account (#/reviews-qbr/<account id>): the list, and a form to record one whose errors
// show at their fields. Without an account in the address: the accounts of the chosen unit to pick from.
import { dataTable } from '/console/kit/v1/tables.js';
import { submitting } from '/console/kit/v1/forms.js';

const PAGE = 'reviews-qbr';

export async function render(element, context) {
  const accountId = context.route.path;
  if (!accountId) {
    await pickAccount(element, context);
    return;
  }
  const { el, api } = context;
  const path = '/reviews/accounts/' + encodeURIComponent(accountId) + '/reviews';
  const [account, reviews] = await Promise.all([api('/accounts/' + encodeURIComponent(accountId)), api(path)]);
  const form = el('form', { id: 'review-form', novalidate: true },
    field(el, 'heldOn', 'Held on', { type: 'date', required: true }),
    field(el, 'attendees', 'Attendees', { required: true }),
    field(el, 'outcome', 'Outcome', { required: true }),
    field(el, 'rating', 'Rating (1-5)', { type: 'number', min: '1', max: '5', required: true }),
    field(el, 'nextReviewOn', 'Next review on (empty: the unit\'s cadence)', { type: 'date' }),
    el('button', { type: 'submit' }, 'Record review'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    const json = { heldOn: values.heldOn || null, attendees: values.attendees, outcome: values.outcome,
      rating: values.rating === '' ? null : Number(values.rating) };
    if (values.nextReviewOn) {
      json.nextReviewOn = values.nextReviewOn;
    }
    if (await submitting(form, () => api(path, { method: 'POST', json }))) {
      context.navigate(context.href(PAGE, accountId));
    }
  });
  element.replaceChildren(
    el('h1', {}, 'Business reviews: ' + account.name),
    dataTable(el, 'Reviews of ' + account.name, ['Held on', 'Rating', 'Attendees', 'Outcome', 'Next review'],
      reviews.items.map(r => [r.heldOn, String(r.rating), r.attendees, r.outcome, r.nextReviewOn || '']),
      { empty: 'No review recorded yet.', numeric: [1] }),
    el('h2', {}, 'Record a review'), form);
}

async function pickAccount(element, context) {
  const { el, api } = context;
  const query = new URLSearchParams({ limit: '200', sort: 'name' });
  if (context.businessUnit) {
    query.set('businessUnit', context.businessUnit);
  }
  const accounts = await api('/accounts?' + query);
  element.replaceChildren(el('h1', {}, 'Business reviews'),
    el('p', {}, 'Choose an account to see and record its quarterly business reviews.'),
    accounts.items.length === 0 ? el('p', { class: 'empty' }, 'No account.')
      : el('ul', { id: 'review-accounts' }, accounts.items.map(a =>
        el('li', {}, el('a', { href: context.href(PAGE, a.id) }, a.name)))));
}

function field(el, name, label, attributes) {
  const input = name === 'outcome' ? el('textarea', { id: 'review-' + name, name, ...attributes })
    : el('input', { id: 'review-' + name, name, type: 'text', ...attributes });
  return el('div', { class: 'field' }, el('label', { for: 'review-' + name }, label), input);
}
