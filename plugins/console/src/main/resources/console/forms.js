// Inline validation messages for console forms, from the API's problem+json answers.
//
// A problem names the bad fields in errors[] ({ field, message }); each message is shown next to the form
// control whose name equals the field, and a summary with role="alert" sits at the top of the form.
//
// Functions:
//   showProblem(form, error, options)  Shows the problem of a failed api() call on the form: each errors[].field
//                                      message under the control named like the field (aria-invalid="true",
//                                      aria-describedby pointing at the message), and a summary (role="alert")
//                                      with the detail and the fields no control matched. Moves focus to the
//                                      first invalid control (or the summary). Returns the number of messages
//                                      placed next to controls. options.labels maps field names to human labels
//                                      for the summary; options.focus = false keeps the focus where it is.
//   clearProblem(form)                 Removes every message, summary and aria-invalid that showProblem set.
//   fieldError(form, field, message)   Shows one message next to the control named field (client-side checks);
//                                      returns false when no such control exists.
//   submitting(form, work, options)    Runs async work() for the form: clears old messages, disables the submit
//                                      buttons meanwhile, and shows a failure with showProblem. Resolves to
//                                      work's result, or undefined when it failed. options go to showProblem.
//
// Controls are matched by name; nested fields such as "grants.BU1" match a control with that exact name, and
// else the part before the first "." or "[". The summary is the form's element with class "form-problem"
// (created as the form's first child when missing). Everything is built as text, never as markup.

const MESSAGE_CLASS = 'field-error';
const SUMMARY_CLASS = 'form-problem';
let counter = 0;

/** Removes the messages, the summary and the aria-invalid marks a previous showProblem or fieldError set. */
export function clearProblem(form) {
  for (const message of form.querySelectorAll('.' + MESSAGE_CLASS)) {
    const control = message.forControl;
    if (control) {
      control.removeAttribute('aria-invalid');
      const ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(id => id && id !== message.id);
      if (ids.length) {
        control.setAttribute('aria-describedby', ids.join(' '));
      } else {
        control.removeAttribute('aria-describedby');
      }
    }
    message.remove();
  }
  const summary = form.querySelector('.' + SUMMARY_CLASS);
  if (summary) {
    summary.replaceChildren();
    summary.hidden = true;
  }
}

/** Shows message next to the control named field; false when the form has no such control. */
export function fieldError(form, field, message) {
  const control = controlFor(form, field);
  if (!control) {
    return false;
  }
  const id = `${control.id || control.name || 'field'}-error-${++counter}`;
  const node = document.createElement('p');
  node.className = MESSAGE_CLASS;
  node.id = id;
  node.textContent = message;
  node.forControl = control;
  const described = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  control.setAttribute('aria-describedby', [...described, id].join(' '));
  control.setAttribute('aria-invalid', 'true');
  const wrapper = control.closest('.field, fieldset');
  if (wrapper && form.contains(wrapper)) {
    wrapper.append(node);
  } else {
    control.after(node);
  }
  return true;
}

/**
 * Shows a failed api() call on the form. Returns how many messages went next to controls.
 * error is an ApiError (status, problem) or any Error.
 */
export function showProblem(form, error, options = {}) {
  clearProblem(form);
  const problem = error && error.problem && typeof error.problem === 'object' ? error.problem : null;
  const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  const labels = options.labels || {};
  const unmatched = [];
  let placed = 0;
  let first = null;
  for (const violation of errors) {
    const field = String(violation.field || '');
    const message = String(violation.message || 'is invalid');
    if (fieldError(form, field, message)) {
      placed++;
      first = first || controlFor(form, field);
    } else {
      unmatched.push(`${labels[field] || field}: ${message}`);
    }
  }
  const summary = summaryOf(form);
  const headline = errors.length
    ? (errors.length === 1 ? 'One field needs attention.' : `${errors.length} fields need attention.`)
    : (problem && (problem.detail || problem.title)) || (error && error.message) || 'Something went wrong.';
  summary.append(paragraph(headline));
  if (unmatched.length) {
    const list = document.createElement('ul');
    for (const text of unmatched) {
      const item = document.createElement('li');
      item.textContent = text;
      list.append(item);
    }
    summary.append(list);
  }
  summary.hidden = false;
  if (options.focus !== false) {
    const target = first || summary;
    if (target === summary) {
      summary.setAttribute('tabindex', '-1');
    }
    target.focus();
  }
  return placed;
}

/** Runs work() on behalf of the form; failures are shown with showProblem. */
export async function submitting(form, work, options = {}) {
  clearProblem(form);
  const buttons = [...form.querySelectorAll('button[type="submit"], button:not([type])')];
  buttons.forEach(b => { b.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (error) {
    if (error && error.status === 401) {
      throw error;
    }
    showProblem(form, error, options);
    return undefined;
  } finally {
    buttons.forEach(b => { b.disabled = false; });
    form.setAttribute('aria-busy', 'false');
  }
}

function controlFor(form, field) {
  if (!field) {
    return null;
  }
  const named = [...form.elements].filter(e => e.name === field);
  if (named.length) {
    return named[0];
  }
  const base = field.split(/[.[]/)[0];
  return [...form.elements].find(e => e.name === base) || null;
}

function summaryOf(form) {
  let summary = form.querySelector('.' + SUMMARY_CLASS);
  if (!summary) {
    summary = document.createElement('div');
    summary.className = SUMMARY_CLASS;
    summary.setAttribute('role', 'alert');
    form.prepend(summary);
  }
  summary.replaceChildren();
  return summary;
}

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
