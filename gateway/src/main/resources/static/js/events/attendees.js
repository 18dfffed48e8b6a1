// The attendee list for organisers: who registered (and with which answers), who waits, who came.
// Check-in works at the door on a phone: search a name, tick the box. The CSV opens in Excel.
import { call } from '../api.js';
import { format, t } from '../i18n.js';
import { h, show } from '../dom.js';
import { loginLink, startPage } from '../layout.js';
import { apiPath, backLink, eventPath, message, pageRoot, problemText } from './common.js';

const id = decodeURIComponent(location.pathname.split('/')[2] || '');
const state = { session: { authenticated: false }, list: null, event: null, problem: null, notice: null, search: '' };

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  const [list, event] = await Promise.all([call(apiPath(id, '/attendees')), call(apiPath(id))]);
  state.list = list.ok ? list.data : null;
  state.event = event.ok ? event.data : null;
  state.problem = list.ok ? null : list.problem;
}

function render() {
  const root = pageRoot(t('attendeesTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('attendeesTitle')), loginLink(t('login')));
    return;
  }
  if (!state.list) {
    if (state.problem) show(root, h('h1', {}, t('attendeesTitle')), message(problemText(state.problem), 'error'));
    return;
  }
  const list = state.list;
  show(root,
    backLink('/organiseren', t('organiseTitle')),
    h('h1', {}, `${t('attendeesTitle')}: `, h('a', { href: eventPath(id) }, list.title)),
    h('p', { class: 'counts', id: 'attendee-counts' },
      h('span', {}, list.capacity ? `${list.confirmed}/${list.capacity} ${t('reg.confirmed').toLowerCase()}` : t('confirmedCount', { count: list.confirmed })),
      list.waitlisted ? h('span', {}, t('waitlistedCount', { count: list.waitlisted })) : null,
      h('span', { id: 'checked-in-count' }, t('checkedInCount', { count: list.checkedIn }))),
    h('p', {}, h('a', { href: apiPath(id, '/attendees.csv'), class: 'button', id: 'export-csv', download: `aanmeldingen-${id}.csv` }, t('exportCsv'))),
    h('p', { class: 'hint' }, t('checkInFrom')),
    h('div', { id: 'attendance-status', role: 'status' }, state.notice ? message(state.notice.text, state.notice.kind) : null),
    list.attendees.length ? table(list) : h('p', {}, t('noAttendees')));
}

function table(list) {
  const questions = state.event?.questions || [];
  const breakoutTitle = (breakoutId) => state.event?.breakouts.find((b) => b.id === breakoutId)?.title || '';
  const search = h('input', {
    type: 'search', id: 'attendee-search', value: state.search, autocomplete: 'off',
    oninput: (e) => { state.search = e.target.value; filter(); },
  });
  return h('div', {},
    h('div', { class: 'field' }, h('label', { for: 'attendee-search' }, t('searchName')), search),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('attendeesTitle') },
      h('table', { class: 'attendees' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('present')), h('th', { scope: 'col' }, t('name')), h('th', { scope: 'col' }, t('status')),
          h('th', { scope: 'col' }, t('breakoutTag')), h('th', { scope: 'col' }, t('registeredAt')),
          questions.map((question) => h('th', { scope: 'col' }, question.label)))),
        h('tbody', {}, list.attendees.map((attendee) => h('tr', { 'data-member-id': attendee.memberId, 'data-name': attendee.displayName.toLowerCase() },
          h('td', { class: 'check' }, attendee.status === 'confirmed' ? h('input', {
            type: 'checkbox', checked: Boolean(attendee.checkedInAt), class: 'check-in',
            'aria-label': t('presentLabel', { name: attendee.displayName }),
            onchange: (e) => checkIn(attendee, e.target),
          }) : null),
          h('th', { scope: 'row' }, attendee.displayName),
          h('td', { 'data-label': caption(t('status')) }, t(`reg.${attendee.status}`), attendee.position ? ` (${attendee.position})` : ''),
          h('td', { 'data-label': caption(t('breakoutTag')) }, breakoutTitle(attendee.breakoutId)),
          h('td', { 'data-label': caption(t('registeredAt')) }, format(attendee.registeredAt, 'dateTime')),
          questions.map((question) => h('td', { 'data-label': caption(question.label) }, attendee.answers?.[question.id] || ''))))))));
}

/** A column's name before its value in the phone's card layout: "Status:", but "Wat is je rol?" as it is. */
function caption(text) {
  return /[?:]$/.test(text) ? text : `${text}:`;
}

function filter() {
  const wanted = state.search.trim().toLowerCase();
  for (const row of document.querySelectorAll('table.attendees tbody tr')) {
    row.hidden = Boolean(wanted) && !row.dataset.name.includes(wanted);
  }
}

async function checkIn(attendee, box) {
  box.disabled = true;
  const result = await call(apiPath(id, `/attendees/${encodeURIComponent(attendee.memberId)}/attendance`),
    { method: 'PUT', body: { present: box.checked } });
  box.disabled = false;
  if (!result.ok) {
    box.checked = !box.checked;
    show(document.getElementById('attendance-status'), message(problemText(result.problem), 'error'));
    return;
  }
  attendee.checkedInAt = result.data.checkedInAt;
  state.list.checkedIn = state.list.attendees.filter((a) => a.checkedInAt).length;
  document.getElementById('checked-in-count').textContent = t('checkedInCount', { count: state.list.checkedIn });
  show(document.getElementById('attendance-status'));
}

startPage({ load, render });
