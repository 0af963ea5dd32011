// Edits send If-Match with the version the form was filled from; when someone else saved the record meanwhile the
// API answers 412, which a person should read as what happened and what to do, not as "Precondition Failed".
import { ApiError } from '../api.js';

/** True for the API's answer to an edit of a record someone else changed meanwhile. */
export function isConflict(error) {
  return Boolean(error && error.status === 412);
}

/** The sentence shown for such an answer; what names the record ("this contact"). */
export function conflictMessage(what) {
  return `Someone else changed ${what} meanwhile, so your changes were not saved. Reload to see their version,`
    + ' then make your changes again.';
}

/**
 * Runs work(); a 412 answer becomes an ApiError whose detail is conflictMessage(what), so forms show it, and
 * onConflict() is called.
 */
export function explainingConflicts(what, work, onConflict = () => {}) {
  return async () => {
    try {
      return await work();
    } catch (error) {
      if (isConflict(error)) {
        onConflict();
        throw new ApiError(412, { ...(error.problem || {}), detail: conflictMessage(what), errors: [] });
      }
      throw error;
    }
  };
}

/** Adds a button to the form's problem summary (forms.js) that loads the other person's version. */
export function offerReload(form, label, reload) {
  const summary = form.querySelector('.form-problem');
  if (!summary) {
    return;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary reload';
  button.textContent = label;
  button.addEventListener('click', reload);
  summary.append(button);
}

/** The If-Match header for a record's version. */
export function ifMatch(version) {
  return { 'If-Match': `"${version}"` };
}
