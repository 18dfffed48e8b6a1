import { api, call } from './api.js';
import { formatDate, t } from './i18n.js';
import { h, show } from './dom.js';
import { startPage } from './layout.js';
import { eventCard } from './events/common.js';

const UPCOMING = 3;

// The services that keep a directory of members from membership's events (through Kafka).
const DIRECTORIES = ['knowledge', 'events', 'polls'];

const state = {
  session: { authenticated: false, roles: [] }, profile: null, message: null, known: {}, upcoming: [],
};

function render() {
  document.getElementById('upcoming').hidden = !state.upcoming.length;
  show(document.getElementById('upcoming-events'), state.upcoming.map((item) => eventCard(item, 'h3')));
  const signedIn = state.session.authenticated;
  document.getElementById('welcome').hidden = !signedIn;
  document.getElementById('status').textContent = state.message ? t(state.message) : '';
  if (!signedIn) return;

  const name = state.profile?.displayName || state.session.name || state.session.username;
  document.getElementById('welcome-title').textContent = t('welcome', { name });
  show(document.getElementById('roles'), state.session.roles.map((role) =>
    h('li', { class: `role role-${role}` }, t(`role.${role}`))));
  document.getElementById('directory-row').hidden = !state.profile;
  show(document.getElementById('services'), DIRECTORIES.map((service) => h('li', {
    'data-service': service, 'data-known': String(Boolean(state.known[service])),
  }, `${t(`service.${service}`)}: ${t(state.known[service] ? 'directory.known' : 'directory.pending')}`)));
  const since = state.profile?.registeredAt;
  document.getElementById('member-since-row').hidden = !since;
  if (since) document.getElementById('member-since').textContent = formatDate(since);
}

async function load(session) {
  state.session = session;
  const agenda = await call('/api/events/agenda');
  state.upcoming = agenda.ok ? agenda.data.items.filter((item) => item.status === 'published').slice(0, UPCOMING) : [];
  if (new URLSearchParams(location.search).get('login') === 'failed') state.message = 'loginFailed';
  if (session.authenticated) {
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
  if (state.profile) setTimeout(() => followDirectories(state.profile.id));
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

startPage({ load, render });
