// The administration pages' rendering of a failed call: the problem's detail and every field it names, as text.

export function problemBlock(el, failure) {
  const problem = failure && failure.problem;
  if (!problem || typeof problem !== 'object') {
    return el('p', {}, failure && failure.message ? failure.message : 'Something went wrong.');
  }
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return el('div', {},
    el('p', {}, problem.detail || problem.title || 'Something went wrong.'),
    errors.length > 1 || (errors.length === 1 && !(problem.detail || '').includes(errors[0].message))
      ? el('ul', {}, errors.map(v => el('li', {}, `${v.field}: ${v.message}`))) : null);
}
