import { api, csrfToken, session } from './api.js';
import { chooseLanguage, currentLanguage, formatDate, t, translatePage } from './i18n.js';

// The services that keep a directory of members from membership's events (through Kafka).
const DIRECTORIES = ['knowledge', 'events', 'polls'];

const state = {
  session: { authenticated: false, roles: [] }, profile: null, message: null, known: {},
};

function render() {
  const language = currentLanguage();
  translatePage(language);

  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === language));
  }
  document.getElementById('login').href = `/oauth2/authorization/keycloak?lang=${language}`;

  const signedIn = state.session.authenticated;
  document.getElementById('login').hidden = signedIn;
  document.getElementById('signed-in').hidden = !signedIn;
  document.getElementById('welcome').hidden = !signedIn;
  document.querySelector('#logout input[name=_csrf]').value = csrfToken();
  document.getElementById('status').textContent = state.message ? t(state.message) : '';

  if (signedIn) {
    const name = state.profile?.displayName || state.session.name || state.session.username;
    document.getElementById('member-name').textContent = name;
    document.getElementById('welcome-title').textContent = t('welcome', { name });
    const roles = document.getElementById('roles');
    roles.replaceChildren(...state.session.roles.map((role) => {
      const item = document.createElement('li');
      item.className = `role role-${role}`;
      item.textContent = t(`role.${role}`);
      return item;
    }));
    document.getElementById('directory-row').hidden = !state.profile;
    document.getElementById('services').replaceChildren(...DIRECTORIES.map((service) => {
      const item = document.createElement('li');
      item.dataset.service = service;
      item.dataset.known = String(Boolean(state.known[service]));
      item.textContent = `${t(`service.${service}`)}: ${t(state.known[service] ? 'directory.known' : 'directory.pending')}`;
      return item;
    }));
    const since = state.profile?.registeredAt;
    document.getElementById('member-since-row').hidden = !since;
    if (since) document.getElementById('member-since').textContent = formatDate(since, language);
  }
}

async function load() {
  if (new URLSearchParams(location.search).get('login') === 'failed') state.message = 'loginFailed';
  state.session = await session();
  if (state.session.authenticated) {
    // the first call after a member's first sign-in creates their profile
    const response = await api('/api/membership/members/me');
    if (response.ok) {
      state.profile = await response.json();
    } else if (response.status === 401) {
      state.session = { authenticated: false, roles: [] };
      state.message = 'sessionExpired';
    } else {
      state.message = 'profileUnavailable';
    }
  }
  render();
  document.body.dataset.ready = 'true';
  if (state.profile) followDirectories(state.profile.id);
}

/** Shows the member's profile arriving in the other services, which hear of it through Kafka. */
async function followDirectories(memberId, deadline = Date.now() + 15000) {
  for (const service of DIRECTORIES.filter((name) => !state.known[name])) {
    const response = await api(`/api/${service}/members/${encodeURIComponent(memberId)}`);
    state.known[service] = response.ok;
  }
  render();
  if (DIRECTORIES.some((service) => !state.known[service]) && Date.now() < deadline) {
    setTimeout(() => followDirectories(memberId, deadline), 500);
  }
}

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    chooseLanguage(button.dataset.lang);
    render();
  });
}

render();
load();
