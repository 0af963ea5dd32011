// Building the page from data without ever parsing data as markup.

/**
 * Creates an element. Attributes are set with setAttribute (functions named on... become event listeners);
 * children that are not nodes become text nodes, so user data always shows as text.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Replaces an element's content with the given children. */
export function show(parent, ...children) {
  parent.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined));
}

/** The message of a failed call: the problem's detail and each bad field, as text. */
export function problemText(error) {
  const problem = error && error.problem;
  if (!problem || typeof problem !== 'object') {
    return error && error.message ? error.message : 'Something went wrong.';
  }
  const fields = Array.isArray(problem.errors)
    ? problem.errors.map(v => `${v.field}: ${v.message}`).join('; ') : '';
  return [problem.detail || problem.title, fields].filter(Boolean).join(' — ');
}
