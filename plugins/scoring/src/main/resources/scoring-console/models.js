// The installed scoring models: where each comes from, its state (with the quarantine's reason and a way to lift
// it), a switch per business unit, a link to its configuration, and a full run of a unit with its progress.
import { unitChoice, problemText, fitSelects } from './common.js';

const POLL_MILLIS = 700;

export async function render(element, context) {
  const { el, api } = context;
  const models = (await api('/scoring/models')).items;
  const status = el('p', { id: 'models-status', role: 'status', 'aria-live': 'polite' });
  element.replaceChildren(
    el('h1', {}, 'Scoring models'),
    runSection(context),
    status,
    models.length === 0
      ? el('p', {}, 'No scoring model is installed.')
      : el('div', { class: 'scoring-models' }, models.map(m => modelSection(context, m, status))));
  fitSelects(element);
  // ?model=<id> (e.g. after uploading a plugin) leads to that model's switches
  const wanted = context.route.params.get('model');
  const target = wanted ? [...element.querySelectorAll('section[data-model]')]
    .find(s => s.getAttribute('data-model') === wanted) : null;
  if (target) {
    target.classList.add('scoring-model-wanted');
    requestAnimationFrame(() => target.scrollIntoView({ block: 'start' }));
  }
}

function runSection(context) {
  const { el, api } = context;
  const unit = unitChoice(context);
  const select = el('select', { id: 'run-unit' },
    context.units.map(u => el('option', { value: u.id, selected: u.id === unit }, u.name)));
  const button = el('button', { type: 'button', id: 'run-scoring' }, 'Run scoring now');
  const progress = el('progress', { id: 'run-progress', max: '1', 'aria-labelledby': 'run-progress-label' });
  const progressLabel = el('span', { id: 'run-progress-label' }, 'Progress of the run');
  const progressField = el('div', { class: 'field', hidden: true }, progressLabel, progress);
  const message = el('p', { id: 'run-status', role: 'status', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    progressField.hidden = false;
    progress.removeAttribute('value'); // indeterminate until the first count
    message.textContent = 'Starting the run…';
    try {
      let job = await api('/scoring/runs', { method: 'POST', json: { businessUnit: select.value } });
      message.setAttribute('data-job', job.id);
      while (!finished(job)) {
        showProgress(job, progress, message);
        await new Promise(resolve => setTimeout(resolve, POLL_MILLIS));
        job = await api('/jobs/' + encodeURIComponent(job.id));
      }
      showProgress(job, progress, message);
      message.textContent = (String(job.state).toLowerCase() === 'succeeded' ? 'Finished: ' : 'Failed: ')
        + (job.summary || '');
      message.setAttribute('data-state', String(job.state).toLowerCase());
    } catch (error) {
      message.textContent = 'The run could not be started: ' + problemText(error);
      message.setAttribute('data-state', 'error');
    } finally {
      button.disabled = false;
    }
  });
  if (context.units.length === 0) {
    button.disabled = true;
  }
  return el('section', { 'aria-labelledby': 'run-heading', class: 'scoring-run' },
    el('h2', { id: 'run-heading' }, 'Run scoring'),
    el('div', { class: 'toolbar' },
      el('div', { class: 'field' }, el('label', { for: 'run-unit' }, 'Business unit'), select),
      button),
    progressField, message);
}

function finished(job) {
  const state = String(job.state).toLowerCase();
  return state === 'succeeded' || state === 'failed';
}

function showProgress(job, progress, message) {
  if (job.total > 0) {
    progress.max = job.total;
    progress.value = Math.min(job.done, job.total);
    message.textContent = `Scored ${job.done} of ${job.total} account(s)…`;
  } else {
    message.textContent = 'Running…';
  }
}

function modelSection(context, model, status) {
  const { el } = context;
  const headingId = 'model-' + model.id.replace(/[^a-z0-9-]/g, '-');
  const quarantined = String(model.state).toLowerCase() === 'quarantined';
  const facts = el('dl', { class: 'scoring-facts' },
    el('dt', {}, 'Model id'), el('dd', {}, model.id),
    el('dt', {}, 'Version'), el('dd', {}, model.version),
    el('dt', {}, 'Bundle'), el('dd', {}, [model.bundleName, model.bundle && `(${model.bundle} ${model.bundleVersion || ''})`]
      .filter(Boolean).join(' ') || 'unknown'),
    el('dt', {}, 'Vendor'), el('dd', {}, model.vendor || 'not stated'),
    el('dt', {}, 'State'), el('dd', { 'data-state': String(model.state).toLowerCase() },
      quarantined ? 'Quarantined' : 'Active',
      model.reason ? ` — ${model.reason}` : ''));
  facts.style.display = 'grid';
  facts.style.gridTemplateColumns = 'max-content minmax(0, 1fr)';
  facts.style.gap = '.25rem 1rem';
  facts.querySelectorAll('dd').forEach(dd => {
    dd.style.margin = '0';
    dd.style.overflowWrap = 'anywhere';
  });
  const parts = [el('h2', { id: headingId }, model.name), el('p', {}, model.summary), facts];
  if (quarantined && context.session.admin) {
    const lift = el('button', { type: 'button', class: 'secondary', 'data-lift': model.id },
      `Lift the quarantine of ${model.name}`);
    lift.addEventListener('click', async () => {
      lift.disabled = true;
      try {
        await context.api('/scoring/models/' + encodeURIComponent(model.id) + '/quarantine', { method: 'DELETE' });
        status.textContent = `${model.name} is active again.`;
        context.navigate(context.href('scoring-models'));
      } catch (error) {
        status.textContent = problemText(error);
        lift.disabled = false;
      }
    });
    parts.push(lift);
  }
  parts.push(switchTable(context, model, status));
  const section = el('section', { class: 'scoring-model', 'aria-labelledby': headingId, 'data-model': model.id },
    parts);
  section.style.marginTop = '2rem';
  return section;
}

function switchTable(context, model, status) {
  const { el } = context;
  const names = new Map(context.units.map(u => [u.id, u.name]));
  names.set('*', 'Every unit without its own configuration');
  const rows = (model.switches || []).map(s => switchRow(context, model, s, names.get(s.businessUnit)
    || s.businessUnit, status));
  return el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': `Where ${model.name} scores` },
    el('table', {},
    el('caption', {}, `Where ${model.name} scores`),
    el('thead', {}, el('tr', {}, ['Business unit', 'Scores the unit', 'Decided by', 'Settings']
      .map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows)));
}

const SOURCES = {
  'unit': 'the unit\'s own configuration',
  'every-unit': 'the configuration for every unit',
  'none': 'no configuration'
};

function switchRow(context, model, s, unitName, status) {
  const { el, api } = context;
  const id = `switch-${model.id}-${s.businessUnit === '*' ? 'every-unit' : s.businessUnit}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const box = el('input', { type: 'checkbox', role: 'switch', id, checked: s.enabled,
    'aria-checked': String(s.enabled), 'data-model': model.id, 'data-unit': s.businessUnit });
  const source = el('td', {}, SOURCES[s.source] || s.source);
  const manage = s.businessUnit === '*' ? context.session.admin : canManage(context.session, s.businessUnit);
  box.disabled = !manage || !model.factoryPid;
  box.addEventListener('change', async () => {
    const wanted = box.checked;
    box.disabled = true;
    try {
      const written = await api(`/scoring/models/${encodeURIComponent(model.id)}/units/`
        + `${encodeURIComponent(s.businessUnit)}/enabled`, { method: 'PUT', json: { enabled: wanted } });
      box.checked = written.enabled;
      box.setAttribute('aria-checked', String(written.enabled));
      box.closest('tr').setAttribute('data-enabled', String(written.enabled));
      source.textContent = written.pid ? SOURCES.unit : SOURCES['every-unit'];
      status.textContent = `${model.name} is switched ${written.enabled ? 'on' : 'off'} for ${unitName}.`;
    } catch (error) {
      box.checked = !wanted;
      box.setAttribute('aria-checked', String(!wanted));
      status.textContent = problemText(error);
    } finally {
      box.disabled = false;
    }
  });
  const configure = model.factoryPid && context.session.admin
    ? el('a', { href: context.href('admin-configuration', model.factoryPid, { businessUnit: s.businessUnit }),
      'aria-label': `Configure ${model.name} for ${unitName}` }, 'Configure')
    : '';
  return el('tr', { 'data-unit': s.businessUnit, 'data-enabled': String(s.enabled) },
    el('th', { scope: 'row' }, unitName),
    el('td', {}, el('span', { class: 'scoring-switch' }, box,
      el('label', { for: id }, `Enabled for ${unitName}`))),
    source,
    el('td', {}, configure));
}

function canManage(session, unit) {
  if (session.admin) {
    return true;
  }
  const roles = (session.grants || {})[unit] || [];
  return roles.includes('bu-admin');
}
