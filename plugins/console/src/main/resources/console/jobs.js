// Jobs the server runs for a page (an import): a labelled progress bar that announces each phase once, following
// the job at /jobs/{id} until it ends, and a file uploaded as a job with both.
import { ApiError, upload } from './api.js';
import { clearProblem, showProblem } from './forms.js';

const POLL_MS = 400;
const ENDED = ['succeeded', 'failed', 'interrupted'];

/**
 * A labelled <progress> in container, ids from id (the bar is id, its label id + '-label'): set(text, value, max),
 * value null for an indeterminate bar. A screen reader hears each phase once, not every step.
 */
export function progressBar(el, container, id) {
  const label = el('label', { for: id, id: id + '-label' }, 'Starting…');
  const bar = el('progress', { id, max: '1' });
  const live = el('p', { class: 'visually-hidden', role: 'status' });
  container.replaceChildren(label, bar, live);
  container.hidden = false;
  let announced = '';
  return {
    set(text, value, max) {
      label.textContent = text;
      bar.max = max > 0 ? max : 1;
      if (value === null) {
        bar.removeAttribute('value');
      } else {
        bar.value = value;
      }
      const phase = text.replace(/[\d.,]+ ?(%|of \d+)?/g, '').trim();
      if (phase !== announced) {
        announced = phase;
        live.textContent = text;
      }
    }
  };
}

/**
 * Polls the job (as a POST answered it) with api until it has ended, showing its progress on bar in units of
 * what ("lines"); resolves to the ended job, or null when page left the document meanwhile.
 */
export async function followJob(api, job, bar, page, what = 'lines') {
  let current = job;
  while (!ENDED.includes(current.state)) {
    if (current.total < 0) {
      bar.set(current.state === 'queued' ? 'Waiting to start…' : `Checking every ${what.replace(/s$/, '')}…`, null, 1);
    } else {
      bar.set(`Importing: ${current.done} of ${current.total} ${what}`, current.done, current.total);
    }
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
    if (!page.isConnected) {
      return null;
    }
    current = await api('/jobs/' + encodeURIComponent(current.id));
  }
  const total = Math.max(current.total, 0);
  bar.set(current.state === 'succeeded' ? `Finished: ${current.done} of ${total} ${what} stored`
    : 'Finished: nothing was stored', total || 1, total || 1);
  return current;
}

/**
 * Uploads the file chosen in input (its name "body") to path as mediaType with a progress bar (id barId) in container
 * progress, then follows the job the answer names with followJob, submit disabled meanwhile. Resolves to the ended
 * job, null when page left the document, or undefined when no file was chosen (missing is shown at the input) or the
 * upload was refused: the problem is then shown at form, labels naming the fields.
 */
export async function uploadJob(context, { form, submit, progress, barId, path, mediaType, input, missing, page, what,
  labels }) {
  clearProblem(form);
  if (!input.files.length) {
    showProblem(form, new ApiError(400, { errors: [{ field: 'body', message: missing }] }));
    return undefined;
  }
  const file = input.files[0];
  const bar = progressBar(context.el, progress, barId);
  submit.disabled = true;
  try {
    const job = await upload('POST', path, mediaType, file, share =>
      bar.set(`Uploading ${file.name}: ${Math.round(share * 100)} %`, share, 1));
    return await followJob(context.api, job, bar, page, what);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw error;
    }
    progress.hidden = true;
    showProblem(form, error, { labels });
    return undefined;
  } finally {
    submit.disabled = false;
  }
}
