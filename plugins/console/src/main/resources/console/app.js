// The console shell: sign-in, header with user and business-unit switcher, navigation from the registered
// console pages, and the page area each page's module renders into.
import { api, ApiError, useCsrfToken } from './api.js';
import { el, show, problemText } from './dom.js';

const UNIT_KEY = 'openkam.businessUnit';
const banner = document.getElementById('banner');
const navigation = document.getElementById('navigation');
const main = document.getElementById('main');
const state = { session: null, units: [], pages: [], businessUnit: null, rendering: 0, focusMain: false };

start();

async function start() {
  try {
    signedIn(await api('/auth/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showLogin();
    } else {
      showFailure(error);
    }
  }
}

function showLogin(message) {
  state.session = null;
  useCsrfToken(null);
  window.onhashchange = null;
  show(banner, el('span', { class: 'product' }, 'OpenKAM'));
  document.body.classList.remove('menu-open');
  navigation.hidden = true;
  show(navigation);
  const error = el('p', { class: 'error', role: 'alert' }, message || '');
  const username = el('input', { id: 'username', name: 'username', type: 'text', autocomplete: 'username',
    required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const form = el('form', { class: 'login', 'aria-labelledby': 'login-title' },
    el('h1', { id: 'login-title' }, 'Sign in to OpenKAM'),
    el('div', { class: 'field' }, el('label', { for: 'username' }, 'User name'), username),
    el('div', { class: 'field' }, el('label', { for: 'password' }, 'Password'), password),
    error,
    el('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      signedIn(await api('/auth/login', { method: 'POST',
        json: { username: username.value, password: password.value } }));
    } catch (failure) {
      error.textContent = problemText(failure);
      password.value = '';
      password.focus();
    }
  });
  show(main, form);
  username.focus();
}

async function signedIn(session) {
  state.session = session;
  useCsrfToken(session.csrfToken);
  try {
    state.units = await api('/business-units');
    const remembered = sessionStorage.getItem(UNIT_KEY);
    state.businessUnit = state.units.some(u => u.id === remembered) ? remembered : null;
    state.pages = await pagesOfUnit();
  } catch (error) {
    showFailure(error);
    return;
  }
  showBanner();
  showNavigation();
  window.onhashchange = () => {
    state.focusMain = true;
    openMenu(false);
    main.setAttribute('aria-busy', 'true');
    showPage();
  };
  showPage();
}

function showBanner() {
  const switcher = el('select', { id: 'business-unit' },
    el('option', { value: '' }, 'All my units'),
    state.units.map(u => el('option', { value: u.id, selected: u.id === state.businessUnit }, u.name)));
  switcher.addEventListener('change', async () => {
    state.businessUnit = switcher.value || null;
    if (state.businessUnit) {
      sessionStorage.setItem(UNIT_KEY, state.businessUnit);
    } else {
      sessionStorage.removeItem(UNIT_KEY);
    }
    // a plugin enabled per unit lists its pages only for the units it serves
    try {
      state.pages = await pagesOfUnit();
    } catch (error) {
      showFailure(error);
      return;
    }
    showNavigation();
    showPage();
  });
  const logout = el('button', { type: 'button', class: 'secondary' }, 'Sign out');
  logout.addEventListener('click', async () => {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      sessionStorage.removeItem(UNIT_KEY);
      showLogin('You are signed out.');
      history.replaceState(null, '', location.pathname);
    }
  });
  const menu = el('button', { type: 'button', id: 'menu-button', class: 'secondary menu-button',
    'aria-expanded': 'false', 'aria-controls': 'navigation banner-session' }, 'Menu');
  menu.addEventListener('click', () => openMenu(menu.getAttribute('aria-expanded') !== 'true'));
  show(banner,
    el('span', { class: 'product' }, 'OpenKAM'),
    menu,
    el('div', { id: 'banner-session', class: 'session' },
      el('label', { for: 'business-unit' }, 'Business unit', switcher),
      el('span', { class: 'user' }, 'Signed in as ',
        el('strong', {}, state.session.username), state.session.admin ? ' (administrator)' : ''),
      logout));
}

/** The navigation for the chosen unit (or all the user's units). */
function pagesOfUnit() {
  return api('/console/pages' + (state.businessUnit
    ? '?' + new URLSearchParams({ businessUnit: state.businessUnit }) : ''));
}

/**
 * On a narrow screen the menu (navigation, business unit, user) hides behind the Menu button so a page starts at
 * the top of the screen; opened, the focus goes to its first link, and Escape closes it back to the button.
 */
function openMenu(open) {
  const menu = document.getElementById('menu-button');
  if (!menu) {
    return;
  }
  const wasOpen = menu.getAttribute('aria-expanded') === 'true';
  menu.setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('menu-open', open);
  if (open && !wasOpen && menu.offsetParent !== null) {
    const first = navigation.querySelector('a');
    if (first) {
      first.focus();
    }
  }
}

document.addEventListener('keydown', event => {
  const menu = document.getElementById('menu-button');
  if (event.key === 'Escape' && menu && menu.getAttribute('aria-expanded') === 'true') {
    openMenu(false);
    menu.focus();
  }
});

function showNavigation() {
  const groups = new Map();
  for (const page of state.pages) {
    if (!groups.has(page.group)) {
      groups.set(page.group, []);
    }
    groups.get(page.group).push(page);
  }
  show(navigation, [...groups].map(([group, pages]) => [
    el('h2', {}, group),
    el('ul', {}, pages.map(p => el('li', {},
      el('a', { href: '#/' + encodeURIComponent(p.id), 'data-page': p.id }, p.title))))
  ]));
  navigation.hidden = false;
  navigation.onclick = event => {
    if (event.target.closest('a')) {
      openMenu(false);
    }
  };
}

/** The page id, the rest of the path and the query of a console address: #/<page-id>[/<path>][?<query>]. */
function parseHash(hash) {
  const text = hash.replace(/^#\/?/, '');
  const queryAt = text.indexOf('?');
  const address = queryAt < 0 ? text : text.slice(0, queryAt);
  const params = new URLSearchParams(queryAt < 0 ? '' : text.slice(queryAt + 1));
  const slash = address.indexOf('/');
  const id = decodeURIComponent(slash < 0 ? address : address.slice(0, slash));
  const path = slash < 0 ? '' : address.slice(slash + 1).split('/').map(decodeURIComponent).join('/');
  return { id, path, params };
}

async function showPage() {
  const address = parseHash(location.hash);
  const missing = address.id !== '' && !state.pages.some(p => p.id === address.id);
  const page = missing ? null : state.pages.find(p => p.id === address.id) || state.pages[0];
  const route = page && page.id === address.id ? address : { id: page && page.id, path: '', params: new URLSearchParams() };
  for (const link of navigation.querySelectorAll('a')) {
    if (page && link.dataset.page === page.id) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const section = el('section', {});
  show(main, section);
  if (!page) {
    // an old bookmark, a page of a plugin that was stopped, or one the user may not see
    show(section, ...(missing
      ? [el('h1', {}, 'Page not available'),
        el('p', {}, 'This page is not available to you: its plugin may have been stopped or removed, or your roles',
          ' do not include it.'),
        state.pages.length ? el('p', {}, el('a', { href: '#/' + encodeURIComponent(state.pages[0].id) },
          'Go to ' + state.pages[0].title)) : null]
      : [el('h1', {}, 'Welcome'), el('p', {}, 'No pages are available to you.')]));
    document.title = 'OpenKAM';
    section.setAttribute('data-ready', 'true');
    main.setAttribute('aria-busy', 'false');
    return;
  }
  document.title = page.title + ' · OpenKAM';
  const rendering = ++state.rendering;
  try {
    const module = await import(page.moduleUrl);
    await module.render(section, context(route));
    if (rendering === state.rendering && state.focusMain) {
      focusHeading(section);
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showLogin('Your session has ended; sign in again.');
      return;
    }
    show(section, el('h1', {}, page.title),
      el('p', { class: 'error', role: 'alert' }, 'This page could not be shown: ', problemText(error)));
  } finally {
    if (rendering === state.rendering) {
      section.setAttribute('data-ready', 'true');
      main.setAttribute('aria-busy', 'false');
    }
  }
}

/** After navigation, keyboard and screen-reader users land on the new page's heading. */
function focusHeading(section) {
  const heading = section.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

/** What a page's render(element, context) gets; documented in org.openkam.api.console.ConsolePage. */
function context(route) {
  return {
    session: state.session,
    businessUnit: state.businessUnit,
    units: state.units,
    pages: state.pages,
    route: { path: route.path, params: route.params },
    navigate,
    href,
    api,
    el
  };
}

/** The console address of a page, e.g. href('accounts', 'a1b2', { tab: 'plan' }) is '#/accounts/a1b2?tab=plan'. */
function href(pageId, path, params) {
  const segments = [pageId, ...(path ? String(path).split('/') : [])].map(encodeURIComponent).join('/');
  const query = params ? new URLSearchParams(params).toString() : '';
  return '#/' + segments + (query ? '?' + query : '');
}

/** Opens a console address (from href); the page renders again even if the address did not change. */
function navigate(address) {
  if (location.hash === address) {
    showPage();
  } else {
    location.hash = address;
  }
}

function showFailure(error) {
  show(main, el('p', { class: 'error', role: 'alert' }, 'The console could not start: ', problemText(error)));
}
