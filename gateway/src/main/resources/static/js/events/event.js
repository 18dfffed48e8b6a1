// The event page: everything about one event, its programme as a timetable, breakout sessions
// with places left, and the member's own registration: register with the event's questions, see
// their waitlist position, take an offered place, switch breakout, cancel, add it to a calendar.
import { call } from '../api.js';
import { format, t } from '../i18n.js';
import { h, paragraphs, show, uid } from '../dom.js';
import { choices, errorSummary, field } from '../forms.js';
import { loginLink, startPage } from '../layout.js';
import {
  apiPath, backLink, capitalise, eventCard, eventPath, message, occupancy, pageRoot, problemText, showProblem,
  statusBadge, when,
} from './common.js';

const id = decodeURIComponent(location.pathname.split('/')[2] || '');
const state = {
  session: { authenticated: false }, event: null, registration: null, earlier: null, problem: null,
  notice: null, confirmingCancel: false, busy: false, series: null,
};

async function load(session) {
  state.session = session;
  const [event, registration] = await Promise.all([
    call(apiPath(id)),
    session.authenticated ? call(apiPath(id, '/registration')) : Promise.resolve(null),
  ]);
  state.event = event.ok ? event.data : null;
  state.problem = event.ok ? null : event.problem;
  state.registration = registration?.ok ? registration.data : null;
  if (state.event?.followUpOf && !state.earlier) {
    const earlier = await call(apiPath(state.event.followUpOf));
    state.earlier = earlier.ok ? earlier.data : null;
  }
  if (state.event?.series && !state.series) state.series = await seriesOf(state.event);
}

/** The other events of the event's series that this visitor may see, a year back and ahead. */
async function seriesOf(event) {
  const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
  const agenda = await call(`/api/events/agenda?from=${day(-365)}&to=${day(365)}`);
  return agenda.ok ? agenda.data.items.filter((item) => item.seriesId === event.series.id && item.id !== event.id) : [];
}

/** After a change: the event's counts and the member's registration, fresh. */
async function reloadAndRender(notice, focus = 'registration-heading') {
  await load(state.session);
  state.notice = notice;
  render();
  document.getElementById(focus)?.focus();
}

function render() {
  if (!state.event) {
    if (state.problem) {
      show(pageRoot(t('notFound')), backLink('/agenda', t('backToAgenda')),
        h('h1', {}, t(state.problem.status === 404 ? 'notFound' : 'problem.other')));
    }
    return;
  }
  const event = state.event;
  show(pageRoot(event.title),
    backLink('/agenda', t('backToAgenda')),
    h('article', { class: 'event', 'aria-labelledby': 'event-title' },
      h('header', { class: 'event-header' },
        h('p', { class: 'kind' }, t(`kind.${event.kind}`), statusBadge(event.status)),
        h('h1', { id: 'event-title', tabindex: '-1' }, event.title),
        notices(event),
        event.manageable ? manageLinks(event) : null),
      h('div', { class: 'event-layout' },
        h('div', { class: 'event-main' },
          facts(event),
          event.description ? h('section', { 'aria-labelledby': 'about-heading' },
            h('h2', { id: 'about-heading' }, t('about')), paragraphs(event.description)) : null,
          programme(event),
          breakouts(event),
          series(event)),
        h('aside', { class: 'event-aside', 'aria-labelledby': 'registration-heading' },
          isClosed(event) ? closedPanel(event) : [
            registrationPanel(event),
            onlineLink(event),
            h('p', { class: 'calendar-link' },
              h('a', { class: 'button secondary-dark', id: 'add-to-calendar', href: apiPath(event.id, '/calendar.ics'),
                download: `mbo-connect-${event.id}.ics` }, t('addToCalendar')),
              h('span', { class: 'hint' }, t('addToCalendarHint')))]))));
}

/** A cancelled or past event takes no registrations and offers no actions: it says where it stands. */
function isClosed(event) {
  return event.status === 'cancelled' || event.status === 'completed';
}

function closedPanel(event) {
  const registration = state.registration;
  const held = registration && ['confirmed', 'waitlisted', 'offered'].includes(registration.status);
  const parts = [h('h2', { id: 'registration-heading', tabindex: '-1' }, t('registration'))];
  if (event.status === 'cancelled') {
    parts.push(h('p', { class: 'registration-status', id: 'registration-status' }, t('closedCancelled')));
    if (held) parts.push(h('p', {}, t('closedCancelledYours')));
  } else {
    parts.push(h('p', { class: 'registration-status', id: 'registration-status' }, t('closedCompleted')));
    if (registration?.checkedIn) parts.push(h('p', { class: 'attended' }, t('attended')));
  }
  return h('section', { class: 'registration is-closed', id: 'registration', 'data-status': `event-${event.status}` },
    parts);
}

function notices(event) {
  if (event.status === 'draft') return message(t('draftNotice'));
  if (event.status === 'cancelled') {
    return h('div', { class: 'message warning', role: 'status' }, h('p', {}, t('cancelledNotice')),
      event.cancelReason ? h('p', {}, t('cancelledBecause', { reason: event.cancelReason })) : null);
  }
  if (event.status === 'completed') return message(t('completedNotice'));
  return null;
}

function manageLinks(event) {
  return h('p', { class: 'manage-links' },
    h('a', { href: `/organiseren/${encodeURIComponent(event.id)}/bewerken`, class: 'button plain' }, t('editEvent')),
    h('a', { href: `/organiseren/${encodeURIComponent(event.id)}/deelnemers`, class: 'button plain' }, t('attendeesLink')),
    event.status === 'draft' ? h('button', {
      type: 'button', class: 'button', id: 'publish-event',
      onclick: async () => {
        const result = await call(apiPath(event.id, '/publish'), { method: 'POST' });
        await reloadAndRender(result.ok ? { text: t('published'), kind: 'success' }
          : { text: problemText(result.problem), kind: 'error' }, 'event-title');
      },
    }, t('publish')) : null);
}

function facts(event) {
  const row = (label, ...value) => h('div', {}, h('dt', {}, label), h('dd', {}, ...value));
  const location = event.location || {};
  const place = [location.venue, location.address, location.city && !(location.address || '').includes(location.city)
    ? location.city : null].filter(Boolean).join(', ');
  const where = [];
  if (location.mode !== 'online' && place) where.push(h('span', { class: 'line' }, place));
  if (location.region && location.mode !== 'online') where.push(h('span', { class: 'line' }, `${t('filterRegion')}: ${location.region}`));
  if (location.mode !== 'onsite') where.push(h('span', { class: 'line' }, t(`mode.${location.mode}`),
    location.platform ? ` · ${t('joinVia', { platform: location.platform })}` : ''));
  return h('dl', { class: 'facts' },
    row(t('when'), when(event.start, event.end)),
    row(t('where'), where),
    event.organisations.length ? row(t('organisedBy'), event.organisations.join(', ')) : null,
    event.audience?.text ? row(t('audience'), event.audience.text) : null,
    event.themes.length ? row(t('themes'), h('ul', { class: 'tags' }, event.themes.map((theme) => h('li', {}, theme)))) : null,
    event.status === 'published' ? row(t('places'), occupancy(event)) : null,
    event.registrationDeadline && event.status === 'published'
      ? row(t('deadline'), capitalise(format(event.registrationDeadline, 'dateTime'))) : null,
    event.series ? row(t('series'), event.series.title || event.series.id) : null,
    event.followUpOf ? row(t('followUpOf'), h('a', { href: eventPath(event.followUpOf) },
      state.earlier ? state.earlier.title : t('earlierMeeting'))) : null,
    event.reportUrl ? row(t('report'), h('a', { href: event.reportUrl }, t('readReport'))) : null);
}

function programme(event) {
  if (!event.programme.length) return null;
  const breakoutTitle = (breakoutId) => event.breakouts.find((b) => b.id === breakoutId)?.title;
  return h('section', { 'aria-labelledby': 'programme-heading' },
    h('h2', { id: 'programme-heading' }, t('programme')),
    h('table', { class: 'timetable' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('time')), h('th', { scope: 'col' }, t('item')),
        h('th', { scope: 'col' }, t('speaker')))),
      h('tbody', {}, event.programme.map((slot) => h('tr', { class: slot.breakoutId ? 'breakout-slot' : null },
        h('td', { class: 'slot-time' }, `${format(slot.start, 'time')}–${format(slot.end, 'time')}`),
        h('td', {},
          slot.breakoutId ? h('span', { class: 'badge' }, `${t('breakoutTag')}: ${breakoutTitle(slot.breakoutId) || ''}`) : null,
          h('span', { class: 'slot-title' }, slot.title),
          slot.description ? h('span', { class: 'slot-description' }, slot.description) : null),
        h('td', {}, slot.speaker || ''))))));
}

function placesText(breakout) {
  if (breakout.capacity == null) return t('unlimited');
  if (breakout.placesLeft === 0) return t('breakoutFull');
  return breakout.placesLeft === 1 ? t('placesLeftOne') : t('placesLeftCount', { count: breakout.placesLeft });
}

function breakouts(event) {
  if (!event.breakouts.length) return null;
  return h('section', { 'aria-labelledby': 'breakouts-heading' },
    h('h2', { id: 'breakouts-heading' }, t('breakoutsTitle')),
    h('ul', { class: 'breakouts' }, event.breakouts.map((breakout) => h('li', { 'data-breakout-id': breakout.id },
      h('h3', {}, breakout.title),
      breakout.description ? h('p', {}, breakout.description) : null,
      h('p', { class: `places${breakout.placesLeft === 0 ? ' is-full' : ''}` }, placesText(breakout))))));
}

function series(event) {
  if (!state.series?.length) return null;
  return h('section', { 'aria-labelledby': 'series-heading' },
    h('h2', { id: 'series-heading' }, t('seriesOthers', { series: event.series.title || event.series.id })),
    h('ul', { class: 'event-list' }, state.series.map((item) => eventCard(item, 'h3'))));
}

function onlineLink(event) {
  if (event.location.mode === 'onsite') return null;
  if (event.location.joinUrl) {
    return h('p', { class: 'join-link' }, h('a', { href: event.location.joinUrl, class: 'button', id: 'join-link', rel: 'noopener' },
      t('joinOnline')), event.location.platform ? h('span', { class: 'hint' }, t('joinVia', { platform: event.location.platform })) : null);
  }
  return event.status === 'published' ? h('p', { class: 'hint' }, t('joinLinkHidden')) : null;
}

// ----- the member's registration -----

function registrationPanel(event) {
  const registration = state.registration;
  const parts = [h('h2', { id: 'registration-heading', tabindex: '-1' }, t('registration'))];
  if (state.notice) parts.push(message(state.notice.text, state.notice.kind));
  const active = registration && ['confirmed', 'waitlisted', 'offered'].includes(registration.status);
  if (active) {
    parts.push(activeRegistration(event, registration));
  } else if (!state.session.authenticated) {
    if (event.registrationOpen) parts.push(h('p', {}, t('loginToRegister')), loginLink(t('login')));
  } else {
    if (registration?.status === 'cancelled') parts.push(h('p', {}, t('youCancelled')));
    if (registration?.status === 'lapsed') parts.push(h('p', {}, t('offerLapsed')));
    if (event.registrationOpen && event.mayRegister) parts.push(registrationForm(event));
    if (event.registrationOpen && !event.mayRegister) {
      parts.push(h('p', { id: 'not-for-you' }, t('notForYou', {
        roles: event.audience.roles.map((role) => t(`role.${role}`).toLowerCase()).join(', '),
      })));
    }
  }
  if (!active && !event.registrationOpen && event.status === 'published') {
    parts.push(h('p', {}, t(new Date(event.start) <= new Date() ? 'eventStartedNotice' : 'regClosedNotice')));
  }
  if (registration?.checkedIn) parts.push(h('p', { class: 'attended' }, t('attended')));
  return h('section', { class: 'registration', id: 'registration', 'data-status': registration?.status || 'none' }, parts);
}

function activeRegistration(event, registration) {
  const parts = [];
  if (registration.status === 'confirmed') {
    parts.push(h('p', { class: 'registration-status', id: 'registration-status' }, t('youAreRegistered')));
    const breakout = event.breakouts.find((b) => b.id === registration.breakoutId);
    if (breakout) parts.push(h('p', {}, `${t('yourBreakout')}: `, h('strong', {}, breakout.title)));
    if (event.breakouts.length > 1 && new Date(event.start) > new Date()) parts.push(switchForm(event, registration));
  } else if (registration.status === 'waitlisted') {
    parts.push(h('p', { class: 'registration-status', id: 'registration-status' }, t('youAreWaiting')),
      h('p', { class: 'waitlist-position', id: 'waitlist-position' },
        t('waitlistPosition', { position: registration.position })));
  } else {
    parts.push(h('div', { class: 'offer' },
      h('p', { class: 'registration-status', id: 'registration-status' }, h('strong', {}, t('offerTitle'))),
      h('p', {}, t('offerUntil', { time: format(registration.offerExpiresAt, 'dateTime') })),
      h('button', { type: 'button', class: 'button', id: 'accept-offer', onclick: acceptOffer }, t('acceptOffer'))));
  }
  const answers = Object.entries(registration.answers || {}).filter(([, answer]) => answer);
  if (answers.length) {
    parts.push(h('details', {}, h('summary', {}, t('yourAnswers')),
      h('dl', { class: 'answers' }, answers.map(([questionId, answer]) => h('div', {},
        h('dt', {}, event.questions.find((q) => q.id === questionId)?.label || questionId), h('dd', {}, answer))))));
  }
  if (new Date(event.start) > new Date()) parts.push(cancelControls(registration));
  return h('div', {}, parts);
}

function cancelControls(registration) {
  const label = registration.status === 'waitlisted' ? t('cancelWaitlist')
    : registration.status === 'offered' ? t('declineOffer') : t('cancelRegistration');
  if (!state.confirmingCancel) {
    return h('p', {}, h('button', {
      type: 'button', class: 'button plain', id: 'cancel-registration',
      onclick: () => { state.confirmingCancel = true; render(); document.getElementById('confirm-cancel')?.focus(); },
    }, label));
  }
  return h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-cancel-text' },
    h('p', { id: 'confirm-cancel-text' }, t('confirmCancel')),
    h('button', { type: 'button', class: 'button danger', id: 'confirm-cancel', onclick: cancelRegistration }, t('confirmCancelYes')),
    h('button', {
      type: 'button', class: 'button plain',
      onclick: () => { state.confirmingCancel = false; render(); document.getElementById('cancel-registration')?.focus(); },
    }, t('confirmCancelNo')));
}

function registrationForm(event) {
  const full = event.placesLeft === 0;
  const form = h('form', { class: 'register-form', id: 'register-form', novalidate: true, onsubmit: register },
    errorSummary(),
    h('h3', {}, t('registerTitle')),
    full ? h('p', { class: 'message warning' }, t('fullNotice')) : null,
    event.breakouts.length ? choices({
      legend: t('chooseBreakout'), name: 'breakoutId', required: true,
      options: event.breakouts.map((breakout) => ({
        value: breakout.id, label: breakout.title, disabled: breakout.placesLeft === 0 && !full,
        note: `(${placesText(breakout)})`,
      })),
    }) : null,
    event.questions.map((question) => question.type === 'choice'
      ? choices({
        legend: question.label, name: `answers.${question.id}`, required: question.required,
        options: question.options.map((option) => ({ value: option, label: option })),
      })
      : field({
        label: question.label, name: `answers.${question.id}`, required: question.required,
        control: h('textarea', { rows: 2, maxlength: 1000, name: `answers.${question.id}` }),
      })),
    h('button', { type: 'submit', class: 'button', id: 'register' }, t(full ? 'joinWaitlist' : 'register')));
  return form;
}

async function register(submit) {
  submit.preventDefault();
  const form = submit.target;
  if (state.busy) return;
  const body = { breakoutId: form.elements.breakoutId?.value || null, answers: {} };
  for (const question of state.event.questions) {
    const value = form.elements[`answers.${question.id}`]?.value?.trim();
    if (value) body.answers[question.id] = value;
  }
  state.busy = true;
  form.querySelector('button[type=submit]').disabled = true;
  const result = await call(apiPath(id, '/registration'), { method: 'POST', body });
  state.busy = false;
  if (result.ok) {
    const done = result.data.status === 'waitlisted'
      ? t('waitlistedDone', { position: result.data.position }) : t('registeredDone');
    return reloadAndRender({ text: done, kind: 'success' });
  }
  form.querySelector('button[type=submit]').disabled = false;
  return showProblem(form, result.problem);
}

function switchForm(event, registration) {
  const others = event.breakouts.filter((b) => b.id !== registration.breakoutId);
  const selectId = uid('switch');
  return h('form', {
    class: 'switch-form', novalidate: true,
    onsubmit: async (submit) => {
      submit.preventDefault();
      const result = await call(apiPath(id, '/registration'), {
        method: 'PATCH', body: { breakoutId: submit.target.elements.breakoutId.value },
      });
      return reloadAndRender(result.ok ? { text: t('switchDone'), kind: 'success' }
        : { text: problemText(result.problem), kind: 'error' });
    },
  },
  h('label', { for: selectId }, t('switchTo')),
  h('div', { class: 'inline' },
    h('select', { id: selectId, name: 'breakoutId' }, others.map((breakout) => h('option', {
      value: breakout.id, disabled: breakout.placesLeft === 0,
    }, `${breakout.title} (${placesText(breakout)})`))),
    h('button', { type: 'submit', class: 'button plain' }, t('switchBreakout'))));
}

async function cancelRegistration() {
  state.confirmingCancel = false;
  const result = await call(apiPath(id, '/registration'), { method: 'DELETE' });
  return reloadAndRender(result.ok ? { text: t('cancelledDone'), kind: 'success' }
    : { text: problemText(result.problem), kind: 'error' });
}

async function acceptOffer() {
  const result = await call(apiPath(id, '/registration/accept'), { method: 'POST' });
  return reloadAndRender(result.ok ? { text: t('acceptedDone'), kind: 'success' }
    : { text: problemText(result.problem), kind: 'error' });
}

startPage({ load, render });
