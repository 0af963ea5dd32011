// The API reference for every signed-in user, Swagger UI over /api/v1/openapi.json. "Try it out" calls carry
// the session cookie and, on unsafe methods, the session's CSRF token: they act with the user's own rights.

const LIB = '/console/lib/swagger-ui/';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function render(element, context) {
  const { el } = context;
  const host = el('div', { id: 'swagger-ui', class: 'swagger-host' });
  element.replaceChildren(
    el('h1', {}, 'API documentation'),
    el('p', { class: 'hint' }, 'The OpenKAM REST API under /api/v1, described by ',
      el('a', { href: '/api/v1/openapi.json' }, 'openapi.json'),
      '. "Try it out" sends requests as you, with your session: what your roles do not allow is refused (403). ',
      'Scripts sign in with an ', el('a', { href: context.href('api-tokens') }, 'API token'), '.'),
    host);
  stylesheet(LIB + 'swagger-ui.css');
  await script(LIB + 'swagger-ui-bundle.js');
  const token = context.session && context.session.csrfToken;
  window.SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    domNode: host,
    deepLinking: false,
    tryItOutEnabled: false,
    // 147 operations: each tag opens on demand (rendered all at once, the page took seconds to show and to react)
    docExpansion: 'none',
    filter: true,
    // the highlighter's colours on its dark background are too faint to read (axe: colour contrast)
    syntaxHighlight: { activated: false },
    requestInterceptor: request => {
      request.credentials = 'same-origin';
      const method = (request.method || 'GET').toUpperCase();
      if (token && !SAFE.has(method)) {
        request.headers['X-CSRF-Token'] = token;
      }
      return request;
    }
  });
  nameSelects(host);
}

/** Swagger UI renders some choices and text boxes without a label; give each one a name screen readers announce. */
function nameSelects(host) {
  const name = select => {
    if (select.id === 'servers') {
      return 'Server';
    }
    if (select.closest('.examples-select')) {
      return 'Example';
    }
    if (select.closest('.content-type-wrapper, .body-param-content-type, .response-content-type')) {
      return 'Media type';
    }
    return 'Choice';
  };
  const label = () => {
    for (const text of host.querySelectorAll('textarea:not([aria-label])')) {
      text.setAttribute('aria-label', text.closest('.body-param') ? 'Request body' : 'Value');
    }
    for (const select of host.querySelectorAll('select:not([aria-label])')) {
      // e.g. the servers choice sits in an empty <label>: the name would be empty
      if (!select.getAttribute('aria-labelledby')) {
        select.setAttribute('aria-label', name(select));
      }
    }
  };
  label();
  new MutationObserver(label).observe(host, { childList: true, subtree: true });
}

/** Adds a stylesheet once. */
function stylesheet(href) {
  if (!document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}

/** Loads a classic script once (Swagger UI's bundle is no ES module), resolving when it ran. */
function script(src) {
  if (window.SwaggerUIBundle) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const existing = document.querySelector(`script[src="${src}"]`);
    const tag = existing || document.createElement('script');
    tag.addEventListener('load', () => resolve());
    tag.addEventListener('error', () => reject(new Error('Swagger UI could not be loaded from ' + src)));
    if (!existing) {
      tag.src = src;
      document.head.append(tag);
    }
  });
}
