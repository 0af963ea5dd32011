// What the account 360's sections share: user names, counts in words, days and progress bars.

export function fact(el, term, value) {
  return el('div', {}, el('dt', {}, term), el('dd', {}, value));
}

/** Resolves user ids to display names once per page. */
export { userNames as names } from '../api.js';

export function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

export { day } from '../format.js';

export function progress(el, percent, label) {
  return el('div', { class: 'progress-line' },
    el('progress', { max: '100', value: String(percent || 0), 'aria-label': label }), ` ${percent || 0} % done`);
}
