// What the event pages share: labels for kinds and statuses, how full an event is, where it is,
// and how a refusal from the service is told to the member, in their language.
import './texts.js';
import { format, t } from '../i18n.js';
import { h } from '../dom.js';
import { showErrors } from '../forms.js';

export const KINDS = ['kennissessie', 'expertmeeting', 'werkbezoek', 'webinar', 'netwerkbijeenkomst',
  'leergangbijeenkomst'];
export const REGIONS = ['Noord', 'Oost', 'Midden', 'West', 'Zuid', 'Landelijk'];

export function eventPath(id) {
  return `/agenda/${encodeURIComponent(id)}`;
}

export function apiPath(id, rest = '') {
  return `/api/events/events/${encodeURIComponent(id)}${rest}`;
}

/** "Donderdag 10 december 2026, 13:30–17:00", or both dates when it runs over midnight. */
export function when(start, end) {
  const sameDay = format(start, 'date') === format(end, 'date');
  return sameDay
    ? `${capitalise(format(start, 'day'))}, ${format(start, 'time')}–${format(end, 'time')}`
    : `${capitalise(format(start, 'day'))} ${format(start, 'time')} – ${format(end, 'day')} ${format(end, 'time')}`;
}

export function capitalise(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Where, in a line: the town and region, online, or both. */
export function placeLine(item) {
  const mode = item.mode || item.location?.mode;
  const city = item.city || item.location?.city;
  const region = item.region || item.location?.region;
  const onsite = [city, region && region !== city ? region : null].filter(Boolean).join(', ');
  if (mode === 'online') return t('onlineShort');
  if (mode === 'hybrid') return [onsite, t('onlineShort')].filter(Boolean).join(' + ');
  return onsite;
}

/** "19/50 aangemeld", "Vol", the waitlist length, for members and partners alike. */
export function occupancy(event) {
  const parts = [];
  const taken = event.placesTaken ?? 0;
  if (event.capacity) {
    parts.push(h('span', { class: 'seats' }, t('seatsTaken', { taken, capacity: event.capacity })));
    if (event.placesLeft === 0) parts.push(h('span', { class: 'badge full' }, t('full')));
  } else {
    parts.push(h('span', { class: 'seats' }, t('seatsOpen', { taken })));
  }
  if (event.waitlist > 0) parts.push(h('span', { class: 'waitlist' }, t('waitlistCount', { count: event.waitlist })));
  return h('span', { class: 'occupancy' }, parts);
}

export function statusBadge(status) {
  if (status === 'published') return null;
  return h('span', { class: `badge status-${status}` }, t(`status.${status}`));
}

/** The member-facing sentence for a refusal: by its code, else by its HTTP status. */
export function problemText(problem) {
  const byCode = `problem.${problem.code}`;
  if (t(byCode) !== byCode) return t(byCode);
  if (problem.status === 404) return t('problem.not-found');
  if (problem.status === 401) return t('problem.unauthenticated');
  if (problem.status === 403) return t('problem.forbidden');
  return t('problem.other');
}

export function fieldText(error) {
  const key = `field.${error.code}`;
  return t(key) !== key ? t(key) : (error.message || t('field.invalid'));
}

/** A message area that screen readers announce: role=status for news, role=alert for refusals. */
export function message(text, kind = 'info') {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** An event in a list: its date, kind, title (a link, under the given heading level), time, place and fullness. */
export function eventCard(item, heading = 'h4') {
  return h('li', { class: `event-card${item.status === 'cancelled' ? ' is-cancelled' : ''}`, 'data-event-id': item.id },
    h('div', { class: 'date-block', 'aria-hidden': 'true' },
      h('span', { class: 'day' }, format(item.start, 'dayNumber')),
      h('span', { class: 'month' }, format(item.start, 'monthShort'))),
    h('div', { class: 'event-summary' },
      h('p', { class: 'kind' }, t(`kind.${item.kind}`), statusBadge(item.status)),
      h(heading, { class: 'event-title' }, h('a', { href: eventPath(item.id) }, item.title)),
      h('p', { class: 'meta' },
        h('span', {}, `${capitalise(format(item.start, 'short'))}, ${format(item.start, 'time')}–${format(item.end, 'time')}`),
        placeLine(item) ? h('span', {}, placeLine(item)) : null),
      item.status === 'published' ? h('p', { class: 'meta' }, occupancy(item)) : null));
}

/**
 * One of the member's registrations in a list: the event, when, and one clear state. An event that
 * was cancelled says so and nothing else: no "registered" beside "cancelled".
 */
export function registrationEntry(registration, heading = null) {
  const cancelled = registration.eventStatus === 'cancelled';
  const detail = cancelled ? null
    : registration.status === 'waitlisted' ? t('positionShort', { position: registration.position })
      : registration.status === 'offered' ? t('offerShort', { time: format(registration.offerExpiresAt, 'dateTime') })
        : null;
  const title = h('a', { href: eventPath(registration.eventId) }, registration.eventTitle);
  return h('li', {
    class: `registration-item status-${cancelled ? 'event-cancelled' : registration.status}`,
    'data-event-id': registration.eventId,
  },
  heading ? h(heading, { class: 'registration-title' }, title) : title,
  h('span', { class: 'meta' }, `${capitalise(format(registration.eventStart, 'short'))}, ${format(registration.eventStart, 'time')}`),
  cancelled ? statusBadge('cancelled')
    : h('span', { class: `badge reg-${registration.status}` }, t(`reg.${registration.status}`), detail ? ` · ${detail}` : ''),
  cancelled ? null : statusBadge(registration.eventStatus));
}

/** The page's own part of <main>, ready to draw into, with the browser tab saying where we are. */
export function pageRoot(title) {
  document.title = `${title} · MBO Connect`;
  const root = document.getElementById('page');
  root.removeAttribute('aria-busy');
  return root;
}

/** "‹ Organiseren": the way back up, above a page's heading. */
export function backLink(href, text) {
  return h('p', { class: 'breadcrumb' }, h('a', { href }, h('span', { 'aria-hidden': 'true' }, '‹\u00a0'), text));
}

/** A refused form: each field error next to its field, or the refusal itself at the top. */
export function showProblem(form, problem) {
  if (problem.errors.length) showErrors(form, problem.errors, fieldText);
  else showErrors(form, [{ message: problemText(problem) }], (error) => error.message);
}
