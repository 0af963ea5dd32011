// What the account 360's sections share: user names, counts in words, days and progress bars.

export function fact(el, term, value) {
  return el('div', {}, el('dt', {}, term), el('dd', {}, value));
}

/** Resolves user ids to display names once per page; callers who may not read users see a short id. */
export function names(api) {
  const cache = new Map();
  return id => {
    if (!id) {
      return Promise.resolve('—');
    }
    if (!cache.has(id)) {
      cache.set(id, api('/users/' + encodeURIComponent(id))
        .then(u => u.displayName || u.username)
        .catch(() => 'user ' + String(id).slice(0, 8)));
    }
    return cache.get(id);
  };
}

export function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

export { day } from '../format.js';

export function progress(el, percent, label) {
  return el('div', { class: 'progress-line' },
    el('progress', { max: '100', value: String(percent || 0), 'aria-label': label }), ` ${percent || 0} % done`);
}
