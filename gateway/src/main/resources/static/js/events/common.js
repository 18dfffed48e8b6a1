// What the event pages share: labels for kinds and statuses, how full an event is, where it is.
// How a refusal is told to the member is every page's (feedback.js); the event pages take it from here.
import './texts.js';
import { format, t } from '../i18n.js';
import { h } from '../dom.js';

export { backLink, fieldText, message, pageRoot, problemText, showProblem } from '../feedback.js';

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

