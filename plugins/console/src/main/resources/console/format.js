// One way to show money and dates on every page: in the browser's language and conventions, so the same amount
// or day reads the same on the dashboard, the lists and the account 360.

const moneyFormats = new Map();
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const PLAIN = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** An amount in its currency, whole units ("€1,200,000" in English, "1.200.000 €" in German); '' for none. */
export function money(amount, currency) {
  if (amount === null || amount === undefined || amount === '') {
    return '';
  }
  const value = Number(amount);
  if (!currency) {
    return PLAIN.format(value);
  }
  if (!moneyFormats.has(currency)) {
    let format = null;
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch (e) {
      // not an ISO 4217 code the browser knows: the number and the code as they are
    }
    moneyFormats.set(currency, format);
  }
  const format = moneyFormats.get(currency);
  return format ? format.format(value) : `${PLAIN.format(value)} ${currency}`;
}

/** Amounts by currency ({"EUR": 10, "USD": 5}), each in its own currency; '–' for none. */
export function amounts(byCurrency, separator = ', ') {
  const entries = Object.entries(byCurrency || {});
  return entries.length ? entries.map(([currency, value]) => money(value, currency)).join(separator) : '–';
}

/** A day: a calendar date ("2026-12-05") as it is, an instant as the day it was here; '—' for none. */
export function day(text) {
  if (!text) {
    return '—';
  }
  const value = String(text);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T00:00:00Z') : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? DAY.format(date)
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
}

/** An instant as the date and time it was here; '—' for none. */
export function moment(text) {
  if (!text) {
    return '—';
  }
  const date = new Date(String(text));
  return Number.isNaN(date.getTime()) ? String(text) : MOMENT.format(date);
}

/**
 * A count or a plain number in the browser's conventions, rounded to whole numbers unless up to
 * {@code fractionDigits} decimals are asked for (prices, ratios, percentages).
 */
export function number(value, fractionDigits = 0) {
  if (value === null || value === undefined) {
    return '';
  }
  const format = fractionDigits > 0
    ? new Intl.NumberFormat(undefined, { maximumFractionDigits: fractionDigits }) : PLAIN;
  return format.format(Number(value));
}

/** A key as words: "key-account-manager" is "Key account manager", "annualSales" "Annual sales". */
export function words(key) {
  if (key === null || key === undefined || key === '') {
    return '';
  }
  const text = String(key).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').trim().toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A count with its noun: "1 token", "3 tokens". */
export function count(n, one, many) {
  return `${number(n)} ${Number(n) === 1 ? one : many}`;
}
