// The home page, for people: signed in, the member's next registrations and what is coming up; for
// everyone, what the association works on. News and open polls take their place here as those parts
// of the platform arrive (each a section in SECTIONS, loaded side by side).
import { call } from './api.js';
import { addTexts, t } from './i18n.js';
import { show } from './dom.js';
import { startPage } from './layout.js';
import { eventCard, registrationEntry } from './events/common.js';

addTexts({
  nl: {
    mineNext: 'Je volgende aanmeldingen', mineNone: 'Je bent nog nergens voor aangemeld.',
    mineNoneLink: 'Kijk wat er in de agenda staat', mineAll: 'Al je aanmeldingen',
    memberLid: 'Je bent lid van de vereniging: je stemt mee over wat zij doet.',
    memberVriend: 'Je bent vriend van de vereniging. Leden stemmen mee over wat zij doet.',
  },
  en: {
    mineNext: 'Your next registrations', mineNone: 'You have not registered for anything yet.',
    mineNoneLink: 'See what is on in the events', mineAll: 'All your registrations',
    memberLid: 'You are a member of the association: you vote on what it does.',
    memberVriend: 'You are a friend of the association. Members vote on what it does.',
  },
});

const SHOWN = 3;

const state = { session: { authenticated: false, roles: [] }, upcoming: [], mine: null };

/** What the home page holds, each part loaded at once and drawn on its own. */
const SECTIONS = [
  {
    // the member as membership-service knows them: their first visit registers them there, and the
    // other services hear of it
    async load(session) {
      if (!session.authenticated) return;
      const me = await call('/api/membership/members/me');
      if (me.status === 401) {
        state.session = { authenticated: false, roles: [] };
        state.message = 'sessionExpired';
      } else if (!me.ok) {
        state.message = 'profileUnavailable';
      }
    },
    render() {
      document.getElementById('status').textContent = state.message ? t(state.message) : '';
    },
  },
  {
    async load(session) {
      const agenda = await call('/api/events/agenda');
      state.agendaItems = agenda.ok ? agenda.data.items.filter((item) => item.status === 'published') : [];
      if (!session.authenticated) return;
      const mine = await call('/api/events/registrations');
      const now = new Date();
      state.mine = mine.ok ? mine.data.filter((r) => new Date(r.eventEnd) >= now && r.eventStatus === 'published'
        && ['confirmed', 'waitlisted', 'offered'].includes(r.status))
        .sort((a, b) => new Date(a.eventStart) - new Date(b.eventStart)) : null;
    },
    render() {
      const signedIn = state.session.authenticated;
      const mine = state.mine || [];
      document.getElementById('mine').hidden = !signedIn || state.mine === null;
      show(document.getElementById('mine-list'), mine.slice(0, SHOWN).map((r) => registrationEntry(r, 'h3')));
      document.getElementById('mine-none').hidden = mine.length > 0;
      document.getElementById('mine-all').hidden = mine.length === 0;
      // coming up: what the member is not registered for already
      const taken = new Set(mine.map((r) => r.eventId));
      state.upcoming = (state.agendaItems || []).filter((item) => !taken.has(item.id)).slice(0, SHOWN);
      document.getElementById('upcoming').hidden = !state.upcoming.length;
      show(document.getElementById('upcoming-events'), state.upcoming.map((item) => eventCard(item, 'h3')));
    },
  },
];

function render() {
  const signedIn = state.session.authenticated;
  document.getElementById('welcome').hidden = !signedIn;
  if (signedIn) {
    const name = state.session.name || state.session.username;
    document.getElementById('welcome-title').textContent = t('welcome', { name });
    document.getElementById('membership').textContent = t(state.session.roles.includes('lid') ? 'memberLid' : 'memberVriend');
  }
  SECTIONS.forEach((section) => section.render());
}

async function load(session) {
  state.session = session;
  await Promise.all(SECTIONS.map((section) => section.load(session)));
}

startPage({ load, render });
