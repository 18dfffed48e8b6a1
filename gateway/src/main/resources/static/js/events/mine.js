// "Mijn aanmeldingen": the member's registrations and waitlist places, and their personal
// calendar feed (a secret address their calendar app subscribes to), to copy, renew or revoke.
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { loginLink, startPage } from '../layout.js';
import { message, pageRoot, problemText, registrationEntry } from './common.js';

const state = { session: { authenticated: false }, registrations: null, feed: undefined, problem: null, notice: null };

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  const [registrations, feed] = await Promise.all([call('/api/events/registrations'), call('/api/events/calendar/feed')]);
  state.registrations = registrations.ok ? registrations.data : null;
  state.problem = registrations.ok ? null : registrations.problem;
  state.feed = feed.ok ? feed.data : null;
}

function render() {
  const root = pageRoot(t('mineTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('mineTitle')), h('p', {}, t('loginForMine')), loginLink(t('login')));
    return;
  }
  const now = new Date();
  const all = state.registrations || [];
  const upcoming = all.filter((r) => new Date(r.eventEnd) >= now && r.status !== 'cancelled' && r.status !== 'lapsed');
  const past = all.filter((r) => !upcoming.includes(r)).reverse();
  show(root,
    h('h1', {}, t('mineTitle')),
    h('p', { class: 'lead' }, t('mineLead')),
    state.problem ? message(problemText(state.problem), 'error') : null,
    h('section', { 'aria-labelledby': 'upcoming-heading' },
      h('h2', { id: 'upcoming-heading' }, t('upcoming')),
      upcoming.length ? h('ul', { class: 'registration-list', id: 'upcoming' }, upcoming.map((registration) => registrationEntry(registration)))
        : h('p', {}, t('noRegistrations'), ' ', h('a', { href: '/agenda' }, t('agendaTitle')))),
    past.length ? h('section', { 'aria-labelledby': 'past-heading' },
      h('h2', { id: 'past-heading' }, t('past')),
      h('ul', { class: 'registration-list', id: 'past' }, past.map((registration) => registrationEntry(registration)))) : null,
    feedSection());
}

function feedSection() {
  const feed = state.feed;
  const parts = [h('h2', { id: 'feed-heading', tabindex: '-1' }, t('feedTitle'))];
  if (state.notice) parts.push(message(state.notice.text, state.notice.kind));
  if (!feed) {
    parts.push(h('p', {}, t('feedNone')),
      h('button', { type: 'button', class: 'button', id: 'make-feed', onclick: () => change('renew', 'renewed') }, t('makeFeed')));
    return h('section', { class: 'feed', 'aria-labelledby': 'feed-heading' }, parts);
  }
  const url = `${location.origin}${feed.path}`;
  const webcal = url.replace(/^https?:/, 'webcal:');
  parts.push(h('p', {}, t('feedLead')),
    h('label', { for: 'feed-url' }, t('feedUrl')),
    h('div', { class: 'inline' },
      h('input', { id: 'feed-url', type: 'text', readonly: true, value: url, onfocus: (e) => e.target.select() }),
      h('button', { type: 'button', class: 'button plain', id: 'copy-feed', onclick: copy }, t('copy'))),
    h('p', { class: 'copy-status', id: 'copy-status', role: 'status' }),
    h('p', {}, h('a', { href: webcal, class: 'button' }, t('subscribe'))),
    h('p', { class: 'hint' }, t('renewHint')),
    h('div', { class: 'inline' },
      h('button', { type: 'button', class: 'button plain', id: 'renew-feed', onclick: () => change('renew', 'renewed') }, t('renew')),
      h('button', { type: 'button', class: 'button plain', id: 'revoke-feed', onclick: () => change('revoke', 'revoked') }, t('revoke'))));
  return h('section', { class: 'feed', 'aria-labelledby': 'feed-heading' }, parts);
}

async function copy() {
  const input = document.getElementById('feed-url');
  try {
    await navigator.clipboard.writeText(input.value);
  } catch (notAllowed) {
    input.select(); // the member copies it themselves
    return;
  }
  document.getElementById('copy-status').textContent = t('copied');
}

async function change(action, done) {
  const result = action === 'renew'
    ? await call('/api/events/calendar/feed/renew', { method: 'POST' })
    : await call('/api/events/calendar/feed', { method: 'DELETE' });
  if (result.ok) state.feed = action === 'renew' ? result.data : null;
  state.notice = result.ok ? { text: t(done), kind: 'success' } : { text: problemText(result.problem), kind: 'error' };
  render();
  document.getElementById('feed-heading')?.focus();
}

startPage({ load, render });
