// Administration: the installed bundles, uploading a bundle jar, and starting, stopping, updating, uninstalling.

import { upload as send } from '../api.js';
import { problemBlock } from './admin-problem.js';
import { listTools } from '../tables.js';

export async function render(element, context) {
  const { el, api } = context;
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const nextStep = el('div', { id: 'bundle-next-step', 'aria-live': 'polite' });
  const error = el('div', { class: 'error', role: 'alert' });
  const list = el('div', {});

  const file = el('input', { id: 'bundle-file', type: 'file', name: 'bundle', accept: '.jar,application/java-archive',
    required: true });
  const progress = el('progress', { id: 'bundle-progress', max: '100', value: '0', hidden: true });
  const progressLabel = el('label', { for: 'bundle-progress', hidden: true }, 'Upload progress');
  const form = el('form', { class: 'toolbar', 'aria-labelledby': 'upload-heading' },
    el('div', { class: 'field' }, el('label', { for: 'bundle-file' }, 'Bundle jar'), file),
    el('button', { type: 'submit' }, 'Upload and start'),
    el('div', { class: 'field' }, progressLabel, progress));

  element.replaceChildren(
    el('h1', {}, 'Bundles'),
    el('p', { class: 'hint' }, 'The OSGi bundles of this OpenKAM node. An uploaded bundle is kept in the deploy '
      + 'folder, so it runs again after a restart; uninstalling it removes it from there.'),
    el('h2', { id: 'upload-heading' }, 'Upload a bundle'),
    form, status, nextStep, error,
    el('h2', {}, 'Installed bundles'),
    list);

  const say = text => { status.textContent = text; };
  const fail = failure => { error.replaceChildren(problemBlock(el, failure)); };

  async function load() {
    const answer = await api('/admin/bundles');
    list.replaceChildren(table(answer.items));
  }

  function table(bundles) {
    return listTools(el, el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Bundles' },
      el('table', { class: 'admin-bundles' },
      el('caption', {}, `${bundles.length} bundles`),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', class: 'number' }, 'Id'),
        ['Bundle', 'Version', 'State', 'Start level', 'Contributes'].map(h => el('th', { scope: 'col' }, h)),
        el('th', { scope: 'col' }, 'Actions'))),
      el('tbody', {}, bundles.map(row)))), { fileName: 'bundles' });
  }

  function row(b) {
    const label = b.name && b.name !== b.symbolicName ? `${b.name} (${b.symbolicName})` : (b.symbolicName || b.location);
    return el('tr', { 'data-bundle': b.symbolicName || '' },
      el('td', { class: 'number' }, String(b.id)),
      el('th', { scope: 'row' }, label, b.fragment ? el('span', { class: 'tag' }, 'fragment') : null),
      el('td', {}, b.version),
      el('td', {}, el('span', { class: 'state state-' + b.state }, b.state)),
      el('td', {}, b.startLevel === null || b.startLevel === undefined ? '' : String(b.startLevel)),
      el('td', {}, (b.contributes || []).join(', ')),
      el('td', {}, el('div', { class: 'actions-row' }, actions(b, label))));
  }

  function actions(b, label) {
    if (b.essential) {
      return el('span', { class: 'muted' }, 'needed by the console');
    }
    const out = [];
    if (!b.fragment && b.state !== 'active') {
      out.push(button(`Start ${label}`, 'Start', () => api(`/admin/bundles/${b.id}/start`, { method: 'POST' }),
        `${label} started.`));
    }
    if (!b.fragment && b.state === 'active') {
      out.push(button(`Stop ${label}`, 'Stop', () => api(`/admin/bundles/${b.id}/stop`, { method: 'POST' }),
        `${label} stopped.`));
    }
    const update = el('input', { type: 'file', accept: '.jar,application/java-archive', id: `update-${b.id}`,
      class: 'visually-hidden' });
    update.addEventListener('change', () => {
      if (update.files.length) {
        upload('PUT', `/admin/bundles/${b.id}`, update.files[0], `${label} updated.`);
      }
    });
    out.push(el('label', { for: `update-${b.id}`, class: 'button secondary' }, 'Update',
      el('span', { class: 'visually-hidden' }, ` ${label}`)), update);
    out.push(button(`Uninstall ${label}`, 'Uninstall', async () => {
      if (!window.confirm(`Uninstall ${label}? Its pages and services go; its data stays.`)) {
        return false;
      }
      return api(`/admin/bundles/${b.id}`, { method: 'DELETE' });
    }, `${label} uninstalled.`, 'danger'));
    return out;
  }

  function button(accessibleName, text, action, done, kind = 'secondary') {
    const b = el('button', { type: 'button', class: kind }, text,
      el('span', { class: 'visually-hidden' }, accessibleName.slice(text.length)));
    b.addEventListener('click', async () => {
      error.replaceChildren();
      b.disabled = true;
      try {
        const result = await action();
        if (result !== false) {
          say(done);
          await load();
        }
      } catch (failure) {
        fail(failure);
        await load().catch(() => {});
      } finally {
        b.disabled = false;
      }
    });
    return b;
  }

  /** Sends a jar with a progress bar, then shows what the server made of it. */
  async function upload(method, path, jar, done) {
    error.replaceChildren();
    progress.hidden = false;
    progressLabel.hidden = false;
    progress.value = 0;
    say(`Uploading ${jar.name}…`);
    try {
      const answer = await send(method, path, 'application/java-archive', jar, share => {
        progress.value = Math.round(100 * share);
      });
      say(answer && answer.symbolicName ? `${answer.symbolicName} ${answer.version} is ${answer.state}.` : done);
      if (answer && answer.symbolicName && answer.state === 'active') {
        await tellNextStep(answer);
      }
    } catch (failure) {
      say('');
      fail(failure);
    }
    await load().catch(fail);
  }

  /**
   * A new scoring model scores no business unit until someone switches it on: say so, and lead to its switches.
   * Declarative Services registers a bundle's services just after it turned active, so its contributions are
   * looked up for a few seconds.
   */
  async function tellNextStep(bundle) {
    nextStep.replaceChildren();
    let contributes = [];
    for (let attempt = 0; attempt < 20 && !contributes.includes('ScoringModel'); attempt++) {
      if (attempt > 0) {
        await new Promise(resolve => setTimeout(resolve, 500));
      }
      const row = (await api('/admin/bundles')).items.find(b => b.id === bundle.id);
      contributes = row ? row.contributes || [] : [];
    }
    if (!contributes.includes('ScoringModel')) {
      return;
    }
    const models = await api('/scoring/models').then(a => a.items.filter(m => m.bundle === bundle.symbolicName),
      () => []);
    const scoring = models.filter(m => (m.switches || []).some(s => s.enabled));
    const names = models.length ? models.map(m => m.name).join(', ') : 'Its scoring model';
    const model = models.find(m => !scoring.includes(m)) || models[0];
    nextStep.replaceChildren(el('p', { class: 'notice', 'data-scores': String(scoring.length > 0) },
      scoring.length === models.length && models.length
        ? `${names} scores the business units its configuration enables. Change that per unit on the `
        : `${names} scores no business unit yet. Next step: switch it on for the units it should score on the `,
      el('a', { href: context.href('scoring-models', '', model ? { model: model.id } : undefined),
        id: 'bundle-next-step-link' }, 'Scoring models page'), '.'));
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    if (file.files.length === 0) {
      fail({ problem: { detail: 'Choose a bundle jar first.', errors: [] } });
      file.focus();
      return;
    }
    upload('POST', '/admin/bundles', file.files[0], 'Installed.').then(() => { form.reset(); });
  });

  await load().catch(fail);
}
