// What every page shares: the header with navigation, language switch and sign-in, the member's
// session, and the moment the page is ready (body[data-ready=true], which browser tests wait for).
import { csrfToken, session } from './api.js';
import { addTexts, chooseLanguage, currentLanguage, t, translatePage } from './i18n.js';
import { h, show } from './dom.js';

addTexts({
  nl: {
    mainNav: 'Hoofdmenu', 'nav.home': 'Home', 'nav.agenda': 'Agenda', 'nav.mine': 'Mijn aanmeldingen',
    'nav.members': 'Leden', 'nav.groups': 'Groepen', 'nav.profile': 'Mijn profiel', 'nav.organise': 'Organiseren', 'nav.join': 'Lid worden',
    'nav.admin': 'Beheer',
    footerContact: 'Contact', footerCallback: 'Bel mij terug', footerPrivacy: 'Privacyverklaring',
    footerAccessibility: 'Toegankelijkheid', footerNav: 'Over MBO Connect',
  },
  en: {
    mainNav: 'Main menu', 'nav.home': 'Home', 'nav.agenda': 'Events', 'nav.mine': 'My registrations',
    'nav.members': 'Members', 'nav.groups': 'Groups', 'nav.profile': 'My profile', 'nav.organise': 'Organise', 'nav.join': 'Become a member',
    'nav.admin': 'Administration',
    footerContact: 'Contact', footerCallback: 'Call me back', footerPrivacy: 'Privacy statement',
    footerAccessibility: 'Accessibility', footerNav: 'About MBO Connect',
  },
});

export const EDITORS = ['redacteur', 'beheerder'];
const RETURN_KEY = 'mbo.return';

const NAV = [
  { href: '/agenda', key: 'nav.agenda' },
  { href: '/mijn-aanmeldingen', key: 'nav.mine', when: (s) => s.authenticated },
  { href: '/leden', key: 'nav.members', when: (s) => s.authenticated },
  { href: '/groepen', key: 'nav.groups', when: (s) => s.authenticated },
  { href: '/mijn-profiel', key: 'nav.profile', when: (s) => s.authenticated },
  { href: '/lid-worden', key: 'nav.join', when: (s) => s.authenticated && !s.roles.includes('lid') },
  { href: '/organiseren', key: 'nav.organise', when: (s) => s.roles.some((role) => EDITORS.includes(role)) },
  { href: '/beheer/aanvragen', section: '/beheer/', key: 'nav.admin', when: (s) => s.roles.includes('beheerder') },
];

let current = { authenticated: false, roles: [] };

function header() {
  const language = currentLanguage();
  const here = location.pathname;
  const signedIn = current.authenticated;
  const links = NAV.filter((item) => !item.when || item.when(current)).map((item) => {
    const active = here === item.href || here.startsWith(item.section || `${item.href}/`);
    return h('li', {}, h('a', { href: item.href, 'aria-current': active ? 'page' : null }, t(item.key)));
  });
  const form = h('form', { method: 'post', action: '/logout', id: 'logout' },
    h('input', { type: 'hidden', name: '_csrf', value: csrfToken() }),
    h('button', { type: 'submit', class: 'button secondary' }, t('logout')));
  return h('div', { class: 'bar' },
    // named by what it shows ("MBO Connect"), so speech and sight agree (label-content-name-mismatch)
    h('a', { class: 'brand', href: '/' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'M'),
      h('span', { class: 'brand-name' }, 'MBO Connect')),
    h('nav', { class: 'language', 'aria-label': t('languageNav') },
      ['nl', 'en'].map((lang) => h('button', {
        type: 'button', 'data-lang': lang, lang, 'aria-pressed': String(lang === language),
        onclick: async () => { await chooseLanguage(lang); refresh(); },
      }, lang.toUpperCase()))),
    h('div', { class: 'account', id: 'account' },
      h('a', {
        class: 'button', id: 'login', href: `/oauth2/authorization/keycloak?lang=${language}`, hidden: signedIn,
        onclick: rememberWhereWeAre,
      }, t('login')),
      h('div', { class: 'signed-in', id: 'signed-in', hidden: !signedIn },
        // the name leads to the member's own profile
        h('a', { href: '/mijn-profiel', class: 'member-link' },
          h('span', { class: 'member-name', id: 'member-name' }, current.name || current.username || '')),
        form)),
    // its own row under the brand and account, so reading, tab and visual order stay the same
    h('nav', { class: 'main-nav', 'aria-label': t('mainNav') }, h('ul', {}, links)));
}

/** Signing in starts at Keycloak and ends on the home page; from there we go back to where it began. */
function rememberWhereWeAre() {
  if (location.pathname !== '/') sessionStorage.setItem(RETURN_KEY, location.pathname + location.search);
}

function returnAfterSignIn() {
  const back = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  if (current.authenticated && back && back.startsWith('/') && !back.startsWith('//') && location.pathname === '/') {
    location.replace(back);
    return true;
  }
  return false;
}

let page = { render() {} };

/** Contact, the statements every Dutch public site has, and "Bel mij terug", on every page. */
function footer() {
  return h('div', { class: 'footer-inner' },
    h('p', {}, t('footer')),
    h('nav', { 'aria-label': t('footerNav') }, h('ul', {},
      h('li', {}, h('a', { href: '/contact' }, t('footerContact'))),
      h('li', {}, h('a', { href: '/bel-mij-terug' }, t('footerCallback'))),
      h('li', {}, h('a', { href: '/privacy' }, t('footerPrivacy'))),
      h('li', {}, h('a', { href: '/toegankelijkheid' }, t('footerAccessibility'))))));
}

/** Draws the header and the page again, in the language now chosen. */
export function refresh() {
  show(document.getElementById('site-header'), header());
  let foot = document.querySelector('.site-footer');
  if (!foot) {
    foot = h('footer', { class: 'site-footer' });
    document.body.append(foot);
  }
  show(foot, footer());
  translatePage(currentLanguage());
  page.render(current);
}

/** The login link for a page that needs a member, remembering the page. */
export function loginLink(text) {
  return h('a', {
    class: 'button', href: `/oauth2/authorization/keycloak?lang=${currentLanguage()}`, onclick: rememberWhereWeAre,
  }, text);
}

/**
 * Starts a page: header first, then the session, then the page's own loading; {@code render} draws
 * the page from what it loaded and is called again when the language changes.
 */
export async function startPage(definition) {
  page = definition;
  window.addEventListener('mbo:session-changed', async () => {
    current = await session();
    if (page.sessionChanged) await page.sessionChanged(current);
    refresh();
  });
  refresh();
  current = await session();
  if (returnAfterSignIn()) return;
  if (page.load) await page.load(current);
  refresh();
  document.body.dataset.ready = 'true';
}

export function signedInMember() {
  return current;
}
