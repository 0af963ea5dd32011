// What the scoring pages share: the unit and model a page shows, number texts; the rest comes from the console kit.

export { problemText } from '/console/kit/v1/dom.js';

/**
 * The unit a page shows: the one chosen in the header, else (with "All my units" there) the one in the page's
 * address, else the user's first unit.
 */
export function unitChoice(context) {
  const known = id => context.units.some(u => u.id === id);
  if (context.businessUnit && known(context.businessUnit)) {
    return context.businessUnit;
  }
  const fromAddress = context.route.params.get('unit');
  if (fromAddress && known(fromAddress)) {
    return fromAddress;
  }
  return context.units.length ? context.units[0].id : null;
}

/**
 * The page's own unit selector, for when the header offers all units; with one unit chosen in the header the page
 * shows that one, and says so.
 */
export function unitSelector(context, id, unit, change) {
  const { el } = context;
  const name = (context.units.find(u => u.id === unit) || { name: unit }).name;
  if (context.businessUnit) {
    return el('p', { id }, 'Business unit: ', el('strong', {}, name), ' (chosen in the header)');
  }
  const select = el('select', { id },
    context.units.map(u => el('option', { value: u.id, selected: u.id === unit }, u.name)));
  select.addEventListener('change', () => change(select.value));
  return el('div', { class: 'field' }, el('label', { for: id }, 'Business unit'), select);
}

/** The models that score the unit (the wanted one too, so its choice stays visible), by name. */
export function modelChoice(models, unit, wanted) {
  return (models || []).filter(m => m.id === wanted
    || (m.switches || []).some(s => s.businessUnit === unit && s.enabled))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A figure with at most one decimal, or '' when unknown. */
export function number(value) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) {
    return '';
  }
  return Number(value).toLocaleString(undefined, { maximumFractionDigits: 1 });
}

/** Keeps the page's selects within a narrow screen, however long the names they offer. */
export function fitSelects(element) {
  element.querySelectorAll('select').forEach(select => {
    select.style.maxWidth = '100%';
    if (select.parentElement) {
      select.parentElement.style.maxWidth = '100%';
    }
  });
}
