// "Beheer › Terugbelverzoeken": beheerders see who asked to be called back, take a request on,
// note what was said and mark it handled (it is deleted 90 days later).
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { startPage } from '../layout.js';
import { message, pageRoot, showProblem } from '../feedback.js';
import { clearErrors, errorSummary, field } from '../forms.js';
import { adminNav, adminPageRefused } from '../membership/common.js';
import '../membership/texts.js';
import './texts.js';

const params = new URLSearchParams(location.search);
const closedView = params.get('status') === 'CLOSED';
const state = { session: { authenticated: false, roles: [] }, queue: null, problem: null, notice: null };

async function load(session) {
  state.session = session;
  if (!session.roles.includes('beheerder')) return;
  const found = await call(`/api/membership/callbacks?${closedView ? 'status=CLOSED&' : ''}size=50`);
  state.queue = found.ok ? found.data : null;
  state.problem = found.ok ? null : found.problem;
}

function day(instant, withTime = true) {
  return new Date(instant).toLocaleString(document.documentElement.lang || 'nl',
    withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' });
}

function card(callback) {
  const headingId = `callback-${callback.id}`;
  const open = callback.status !== 'CLOSED';
  return h('li', { class: 'card callback', 'data-callback-id': callback.id, 'data-status': callback.status, 'aria-labelledby': headingId },
    h('h2', { id: headingId }, callback.name),
    h('p', { class: 'callback-phone' }, h('a', { href: `tel:${callback.phone.e164}`, 'aria-label': t('queueCall', { phone: callback.phone.display }) },
      callback.phone.display), ' · ', t(`moment.${callback.moment}`)),
    h('p', { class: 'meta' }, t('queueAsked', { date: day(callback.requestedAt) }),
      callback.requesterId ? ` · ${t('queueAskedByMember')}` : '', ' · ',
      callback.status === 'CLAIMED' ? t('queueHandledBy', { name: callback.handledBy }) : t(`cbstatus.${callback.status}`)),
    h('p', { class: 'bio' }, callback.topic),
    callback.notes.length ? h('ul', { class: 'notes' }, callback.notes.map((note) => h('li', {},
      h('time', { datetime: note.at }, day(note.at)), ` — ${note.by}: `, note.text))) : null,
    callback.status === 'CLOSED' ? h('p', { class: 'meta' }, t('queueClosedOn', {
      date: day(callback.closedAt), name: callback.handledBy, deleteAfter: day(callback.deleteAfter, false) })) : null,
    open ? h('form', { class: 'callback-form', novalidate: true, onsubmit: (event) => act(event, callback) },
      errorSummary(),
      field({ label: t('queueNote'), name: 'text', wide: true, control: h('textarea', { name: 'text', rows: 2, maxlength: 1000 }) }),
      h('div', { class: 'actions' },
        callback.status === 'OPEN' ? h('button', { type: 'submit', class: 'button', value: 'claim' }, t('queueClaim')) : null,
        h('button', { type: 'submit', class: 'button secondary', value: 'notes' }, t('queueAddNote')),
        h('button', { type: 'submit', class: 'button secondary', value: 'closing' }, t('queueClose')))) : null);
}

function render() {
  const root = pageRoot(t('queueTitle'));
  if (adminPageRefused(root, t('queueTitle'), state.session, state.queue, state.problem)) return;
  show(root,
    adminNav('/beheer/terugbelverzoeken'),
    h('h1', {}, t('queueTitle')),
    h('nav', { class: 'sub-nav', 'aria-label': t('queueTitle') }, h('ul', {},
      h('li', {}, h('a', { href: '/beheer/terugbelverzoeken', 'aria-current': closedView ? null : 'page' }, t('queueOpen'))),
      h('li', {}, h('a', { href: '/beheer/terugbelverzoeken?status=CLOSED', 'aria-current': closedView ? 'page' : null }, t('queueClosed'))))),
    h('div', { id: 'notice', tabindex: '-1' }, state.notice ? message(state.notice.text, state.notice.kind) : null),
    state.queue.items.length ? h('ul', { class: 'cards callbacks' }, state.queue.items.map(card)) : h('p', {}, t('queueNone')));
}

async function act(event, callback) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const action = event.submitter?.value || 'notes';
  const text = new FormData(form).get('text');
  const result = await call(`/api/membership/callbacks/${encodeURIComponent(callback.id)}/${action}`, {
    method: 'POST', body: action === 'claim' ? undefined : { text: text || null },
  });
  if (!result.ok) {
    showProblem(form, result.problem);
    return;
  }
  if (action === 'claim' && text) { // a note typed before "Ik bel" is kept too
    await call(`/api/membership/callbacks/${encodeURIComponent(callback.id)}/notes`, { method: 'POST', body: { text } });
  }
  const notices = { claim: 'queueClaimed', notes: 'queueNoted', closing: 'queueClosedNotice' };
  state.notice = { text: t(notices[action], { name: callback.name }), kind: 'success' };
  await load(state.session);
  render();
  document.getElementById('notice').focus();
}

startPage({ load, render });
