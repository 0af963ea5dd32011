// Saving a form's record through the API: If-Match with the version the record was read at, a field error shown
// at the control nearest to the field the API named, and a clear word when someone else saved the record first.
import { ApiError } from '../api.js';
import { submitting } from '../forms.js';

/** The If-Match header for a record read at version. */
export function ifMatch(version) {
  return { 'If-Match': `"${version}"` };
}

/**
 * Runs call() for form with submitting(). A 412 (the record changed since it was read) becomes a message that
 * says so, with a button that runs reload(); field errors the form has no control for (e.g.
 * objectives[0].strategies[1] or swot.strengths[2]) go to the nearest enclosing control that exists. Resolves
 * to call's result, or undefined when it failed.
 */
export async function save(form, what, call, reload) {
  let changedMeanwhile = false;
  const result = await submitting(form, async () => {
    try {
      return await call();
    } catch (error) {
      if (error && error.status === 412) {
        changedMeanwhile = true;
        throw new ApiError(412, { ...error.problem, errors: [], detail: `Someone else changed this ${what} while`
          + ' you were editing it, so your changes were not saved. Reload it to see their version, then make your'
          + ' changes again.' });
      }
      if (error && error.problem && Array.isArray(error.problem.errors)) {
        error.problem.errors = error.problem.errors.map(v => ({ ...v, field: nearestField(form, String(v.field || '')) }));
      }
      throw error;
    }
  });
  if (changedMeanwhile && reload) {
    const summary = form.querySelector('.form-problem');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = `Reload the ${what}`;
    button.addEventListener('click', () => reload());
    summary.append(button);
  }
  return result;
}

/**
 * field itself when a control has that name, else the longest leading part of it that names one, else the first
 * control inside it (period -> period.start).
 */
export function nearestField(form, field) {
  const names = [...form.elements].map(e => e.name).filter(Boolean);
  let candidate = field;
  while (candidate && !names.includes(candidate)) {
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return candidate || names.find(n => n.startsWith(field + '.') || n.startsWith(field + '[')) || field;
}
