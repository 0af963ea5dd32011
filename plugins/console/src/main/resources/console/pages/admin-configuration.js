// Administration: configuration forms generated from the metatype of every configurable component.
// Addresses: #/admin-configuration (the list), #/admin-configuration/<pid> (a PID's form, or a factory's
// configurations), #/admin-configuration/<factory pid>?edit=<pid> and ?add=1 (one factory configuration).

import { problemBlock } from './admin-problem.js';
import { listTools } from '../tables.js';

const NUMBER_TYPES = new Set(['integer', 'long', 'short', 'byte', 'double', 'float']);

export async function render(element, context) {
  const pid = context.route.path;
  if (!pid) {
    await renderList(element, context);
  } else {
    await renderForm(element, context, pid);
  }
}

async function renderList(element, context) {
  const { el, api } = context;
  const search = el('input', { id: 'configuration-search', type: 'search', name: 'q',
    value: context.route.params.get('q') || '' });
  const results = el('div', {});
  const form = el('form', { class: 'toolbar', role: 'search' },
    el('div', { class: 'field' }, el('label', { for: 'configuration-search' }, 'Search components'), search));
  element.replaceChildren(el('h1', {}, 'Configuration'),
    el('p', { class: 'hint' }, 'Every component that describes its settings. Changes take effect at once.'),
    form, results);
  let items = [];
  try {
    items = (await api('/admin/configurations')).items;
  } catch (failure) {
    results.replaceChildren(problemBlock(el, failure));
    return;
  }
  const show = () => {
    const q = search.value.trim().toLowerCase();
    const found = items.filter(c => !q || [c.pid, c.name, c.description, c.bundle]
      .some(t => t && t.toLowerCase().includes(q)));
    results.replaceChildren(
      el('p', { role: 'status' }, `${found.length} of ${items.length} components`),
      el('ul', { class: 'config-list' }, found.map(c => el('li', {},
        el('a', { href: context.href('admin-configuration', c.pid) }, c.name || c.pid),
        c.factory ? el('span', { class: 'tag' }, `factory · ${c.configurations.length} configured`)
          : el('span', { class: 'tag' }, c.configurations.length ? 'configured' : 'defaults'),
        el('div', { class: 'muted' }, c.pid, ' — ', c.bundle || ''),
        c.description ? el('div', {}, c.description) : null))));
  };
  form.addEventListener('submit', event => event.preventDefault());
  search.addEventListener('input', show);
  show();
}

async function renderForm(element, context, pid) {
  const { el, api } = context;
  let form;
  try {
    form = await api('/admin/configurations/' + encodeURIComponent(pid));
  } catch (failure) {
    element.replaceChildren(el('h1', {}, 'Configuration'), backLink(context), problemBlock(el, failure));
    return;
  }
  const title = form.name || form.pid;
  const head = [el('h1', {}, title), backLink(context),
    el('p', { class: 'muted' }, form.pid, ' — ', form.bundle || ''),
    form.description ? el('p', {}, form.description) : null];
  const params = context.route.params;
  // the PID of a factory configuration opens that configuration
  const own = form.factory ? form.configurations.find(c => c.pid === pid) : null;
  // ?businessUnit= (the scoring models' "Configure" links) opens that unit's configuration, or a new one for it
  const unit = form.factory ? params.get('businessUnit') : null;
  const ofUnit = unit ? form.configurations.find(c => (c.properties.businessUnit || [])[0] === unit) : null;
  const editing = own ? own.pid : (ofUnit ? ofUnit.pid : params.get('edit'));
  if (form.factory && !editing && !params.get('add') && !unit) {
    element.replaceChildren(...head, factoryList(context, form));
    return;
  }
  let stored = null;
  if (form.factory && editing) {
    stored = form.configurations.find(c => c.pid === editing) || null;
    if (!stored) {
      element.replaceChildren(...head, el('p', { class: 'error', role: 'alert' },
        `There is no configuration ${editing} of ${form.pid}.`));
      return;
    }
  } else if (!form.factory) {
    stored = form.configurations[0] || null;
  }
  element.replaceChildren(...head, editor(context, form, stored, stored ? {} : { businessUnit: unit }));
}

function backLink(context) {
  return context.el('p', {}, context.el('a', { href: context.href('admin-configuration') }, 'All components'));
}

function factoryList(context, form) {
  const { el, api } = context;
  const error = el('div', { class: 'error', role: 'alert' });
  const status = el('p', { role: 'status' });
  const rows = form.configurations.map(c => {
    const unit = c.properties.businessUnit ? c.properties.businessUnit.join(', ') : '';
    const label = unit ? `${form.name || form.pid} for ${unit}` : c.pid;
    const remove = el('button', { type: 'button', class: 'danger' }, 'Delete',
      el('span', { class: 'visually-hidden' }, ` ${label}`));
    remove.addEventListener('click', async () => {
      if (!window.confirm(`Delete the configuration ${label}?`)) {
        return;
      }
      try {
        await api('/admin/configurations/' + encodeURIComponent(c.pid), { method: 'DELETE' });
        context.navigate(context.href('admin-configuration', form.pid));
      } catch (failure) {
        error.replaceChildren(problemBlock(el, failure));
      }
    });
    return el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: context.href('admin-configuration', form.pid, { edit: c.pid }) },
        unit || c.pid)),
      el('td', {}, Object.entries(c.properties).filter(([k]) => k !== 'businessUnit')
        .map(([k, v]) => `${k}=${v.join(',')}`).join('; ')),
      el('td', {}, c.file ? c.file.replace(/^.*[\\/]/, '') : ''),
      el('td', {}, remove));
  });
  return el('div', {},
    el('h2', {}, 'Configurations'),
    form.configurations.length === 0 ? el('p', {}, 'None yet: the component does not run.')
      : listTools(el, el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Configurations' },
        el('table', {},
          el('thead', {}, el('tr', {}, ['Business unit or PID', 'Values', 'File', 'Actions']
            .map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, rows))), { fileName: 'configurations ' + form.pid }),
    el('p', {}, el('a', { class: 'button', href: context.href('admin-configuration', form.pid, { add: '1' }) },
      'Add configuration')),
    status, error);
}

/**
 * The form of one configuration. It shows the values in force: the stored ones, else the defaults (marked so). Save
 * sends the stored values and the ones the user changed; a default left alone is not stored, so it stays a default,
 * and a Save without any change writes nothing.
 */
function editor(context, form, stored, preset) {
  const { el, api } = context;
  const summary = el('div', { class: 'error', role: 'alert', tabindex: '-1' });
  const status = el('p', { role: 'status' });
  const fields = form.attributes.map((a, i) => field(el, a, i, stored, preset));
  const save = el('button', { type: 'submit' }, 'Save');
  const html = el('form', { class: 'config-form', novalidate: true },
    el('h2', {}, heading()),
    stored && stored.file ? el('p', { class: 'hint' },
      `Read from ${stored.file.replace(/^.*[\\/]/, '')}: saving writes the change back to that file.`) : null,
    summary, fields.map(f => f.node), el('div', { class: 'toolbar' }, save, resetButton()), status);

  function heading() {
    if (!stored) {
      return 'New configuration';
    }
    if (!form.factory) {
      return 'Settings';
    }
    const unit = stored.properties.businessUnit;
    return unit && unit.length ? `Configuration for ${unit[0] === '*' ? 'every other unit (*)' : unit[0]}`
      : `Configuration ${stored.pid}`;
  }

  function resetButton() {
    if (!stored || form.factory) {
      return null;
    }
    const reset = el('button', { type: 'button', class: 'secondary' }, 'Reset to defaults');
    reset.addEventListener('click', async () => {
      if (!window.confirm('Delete the stored settings, so the defaults apply?')) {
        return;
      }
      try {
        await api('/admin/configurations/' + encodeURIComponent(stored.pid), { method: 'DELETE' });
        context.navigate(context.href('admin-configuration', form.pid));
      } catch (failure) {
        summary.replaceChildren(problemBlock(el, failure));
      }
    });
    return reset;
  }

  html.addEventListener('submit', async event => {
    event.preventDefault();
    summary.replaceChildren();
    status.textContent = '';
    fields.forEach(f => f.error(null));
    const creating = form.factory && !stored;
    if (!creating && !fields.some(f => f.changed())) {
      status.textContent = 'Nothing changed, so nothing was saved.';
      return;
    }
    const properties = {};
    fields.filter(f => f.stored || f.changed()).forEach(f => { properties[f.id] = f.value(); });
    save.disabled = true;
    try {
      let saved;
      if (form.factory && !stored) {
        saved = await api('/admin/configurations/factories/' + encodeURIComponent(form.pid),
          { method: 'POST', json: { properties } });
        context.navigate(context.href('admin-configuration', form.pid, { edit: saved.pid }));
        return;
      }
      saved = await api('/admin/configurations/' + encodeURIComponent(stored ? stored.pid : form.pid),
        { method: 'PUT', json: { properties } });
      fields.forEach(f => f.saved(Object.hasOwn(saved.properties || {}, f.id)));
      stored = saved;
      status.textContent = `Saved ${saved.pid}.`;
    } catch (failure) {
      const problem = failure.problem || {};
      const errors = Array.isArray(problem.errors) ? problem.errors : [];
      let first = null;
      for (const v of errors) {
        const f = fields.find(x => x.id === v.field);
        if (f) {
          f.error(v.message);
          first = first || f;
        }
      }
      summary.replaceChildren(problemBlock(el, failure));
      (first ? first.focusTarget : summary).focus();
    } finally {
      save.disabled = false;
    }
  });
  return html;
}

/** One attribute's input(s), label, help and error message. */
function field(el, a, index, stored, preset) {
  const id = `cfg-${index}`;
  const helpId = `${id}-help`;
  const defaultId = `${id}-default`;
  const errorId = `${id}-error`;
  let isStored = Boolean(stored && stored.properties[a.id] && stored.properties[a.id].length);
  const presetValue = preset && preset[a.id] ? [preset[a.id]] : null;
  const current = isStored ? stored.properties[a.id] : (presetValue || a.defaultValue || []);
  const help = a.description ? el('p', { class: 'hint', id: helpId }, a.description) : null;
  const defaultNote = el('p', { class: 'hint default-note', id: defaultId }, defaultText(a));
  const errorText = el('p', { class: 'error field-error', id: errorId, hidden: true });
  const describedBy = [help ? helpId : null, defaultId, errorId].filter(Boolean).join(' ');
  const label = (a.name || a.id) + (a.required ? ' (required)' : '');
  const multi = a.cardinality !== 0;

  const make = (value, inputId) => input(el, a, value, inputId, describedBy);
  let inputs;
  let node;
  if (!multi) {
    const only = make(current[0], id);
    inputs = [only];
    node = el('div', { class: a.type === 'boolean' && !(a.options && a.options.length) ? 'field check' : 'field',
      'data-attribute': a.id },
      a.type === 'boolean' && !(a.options && a.options.length)
        ? [only, el('label', { for: id }, label)] : [el('label', { for: id }, label), only],
      help, defaultNote, errorText);
  } else {
    inputs = [];
    const list = el('div', { class: 'values' });
    const addValue = value => {
      const n = inputs.length;
      const one = make(value, `${id}-${n}`);
      inputs.push(one);
      list.append(el('div', { class: 'value' },
        el('label', { for: `${id}-${n}`, class: 'visually-hidden' }, `${a.name || a.id}, value ${n + 1}`), one));
      return one;
    };
    (current.length ? current : ['']).forEach(addValue);
    const more = el('button', { type: 'button', class: 'secondary' }, 'Add value',
      el('span', { class: 'visually-hidden' }, ` to ${a.name || a.id}`));
    more.addEventListener('click', () => addValue('').focus());
    node = el('fieldset', { class: 'field', 'data-attribute': a.id }, el('legend', {}, label), help, defaultNote,
      list, more, errorText);
  }
  const value = () => {
    const values = inputs.map(i => i.type === 'checkbox' ? i.checked : i.value.trim());
    return multi ? values.filter(v => v !== '') : values[0];
  };
  let baseline = JSON.stringify(value());
  const mark = () => {
    node.setAttribute('data-source', isStored ? 'stored' : 'default');
    defaultNote.hidden = isStored || !(a.defaultValue && a.defaultValue.length);
  };
  mark();
  return {
    id: a.id,
    node,
    get stored() { return isStored; },
    get focusTarget() { return inputs[0]; },
    value,
    /** True when the user changed the value shown (a preset, such as the unit of a new configuration, counts). */
    changed() { return JSON.stringify(value()) !== baseline || (!isStored && presetValue !== null); },
    saved(nowStored) {
      isStored = nowStored;
      baseline = JSON.stringify(value());
      mark();
    },
    error(message) {
      errorText.hidden = !message;
      errorText.textContent = message || '';
      inputs.forEach(i => {
        if (message) {
          i.setAttribute('aria-invalid', 'true');
        } else {
          i.removeAttribute('aria-invalid');
        }
      });
    }
  };
}

/** What applies when nothing is stored: the definition's default, as the form shows it. */
function defaultText(a) {
  const values = a.defaultValue || [];
  if (!values.length) {
    return '';
  }
  if (a.type === 'boolean' && !(a.options && a.options.length)) {
    return `Default: ${values[0] === 'true' ? 'on' : 'off'} (not stored; the default applies).`;
  }
  const labels = values.map(v => {
    const option = (a.options || []).find(o => o.value === v);
    return option && option.label ? option.label : v;
  });
  return `Default: ${labels.join(', ')} (not stored; the default applies).`;
}

function input(el, a, value, id, describedBy) {
  const common = { id, name: a.id, 'aria-describedby': describedBy };
  if (a.options && a.options.length) {
    const select = el('select', common,
      a.required ? null : el('option', { value: '' }, '(default)'),
      a.options.map(o => el('option', { value: o.value }, o.label || o.value)));
    select.value = value === undefined || value === null ? '' : value;
    return select;
  }
  if (a.type === 'boolean') {
    return el('input', { ...common, type: 'checkbox', checked: String(value) === 'true' });
  }
  const attributes = { ...common, type: 'text', value: value === undefined || value === null ? '' : value };
  if (NUMBER_TYPES.has(a.type)) {
    attributes.type = 'number';
    attributes.step = a.type === 'double' || a.type === 'float' ? 'any' : '1';
  } else if (a.type === 'password') {
    attributes.type = 'password';
    attributes.autocomplete = 'off';
  }
  if (a.required && a.cardinality === 0) {
    attributes['aria-required'] = 'true';
  }
  return el('input', attributes);
}
