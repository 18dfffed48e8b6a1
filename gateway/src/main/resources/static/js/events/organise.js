// Organiser's overview: the events this member manages (all for editors, their own for organiser
// members), with publish, cancel (with a reason registrants read) and complete.
import { call } from '../api.js';
import { format, t } from '../i18n.js';
import { h, show } from '../dom.js';
import { EDITORS, loginLink, startPage } from '../layout.js';
import { apiPath, capitalise, eventPath, message, occupancy, pageRoot, problemText } from './common.js';

const state = { session: { authenticated: false, roles: [] }, events: null, problem: null, notice: null,
  includePast: false, cancelling: null };

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  const result = await call(`/api/events/manage?includePast=${state.includePast}`);
  state.events = result.ok ? result.data : null;
  state.problem = result.ok ? null : result.problem;
}

function render() {
  const root = pageRoot(t('organiseTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('organiseTitle')), h('p', {}, t('loginToRegister')), loginLink(t('login')));
    return;
  }
  const editor = state.session.roles.some((role) => EDITORS.includes(role));
  show(root,
    h('h1', { id: 'organise-heading', tabindex: '-1' }, t('organiseTitle')),
    h('p', { class: 'lead' }, t('organiseLead')),
    editor ? h('p', {}, h('a', { href: '/organiseren/nieuw', class: 'button', id: 'new-event' }, t('newEvent'))) : null,
    state.notice ? message(state.notice.text, state.notice.kind) : null,
    state.problem ? message(problemText(state.problem), 'error') : null,
    h('div', { class: 'choice' },
      h('input', { type: 'checkbox', id: 'include-past', checked: state.includePast,
        onchange: async (e) => { state.includePast = e.target.checked; await load(state.session); render();
          document.getElementById('include-past')?.focus(); } }),
      h('label', { for: 'include-past' }, t('includePast'))),
    state.events && !state.events.length ? h('p', {}, t('noManaged')) : null,
    state.events?.length ? h('ul', { class: 'managed-list' }, state.events.map(row)) : null);
}

function row(event) {
  const started = new Date(event.start) <= new Date();
  const base = `/organiseren/${encodeURIComponent(event.id)}`;
  const actions = [
    h('a', { href: `${base}/bewerken`, class: 'button plain' }, t('editEvent')),
    h('a', { href: `${base}/deelnemers`, class: 'button plain' }, t('attendeesTitle')),
  ];
  if (event.status === 'draft') actions.push(action(event, 'publish', 'published', t('publish')));
  if (event.status === 'published' && started) actions.push(action(event, 'complete', 'completed', t('completeEvent')));
  if (event.status === 'draft' || event.status === 'published') {
    actions.push(h('button', { type: 'button', class: 'button plain danger-text', 'data-action': 'cancel',
      onclick: () => { state.cancelling = event.id; render(); document.getElementById('cancel-reason')?.focus(); } },
    t('cancelEvent')));
  }
  return h('li', { class: 'managed-item', 'data-event-id': event.id, 'data-status': event.status },
    h('h2', { class: 'managed-title' }, h('a', { href: eventPath(event.id) }, event.title)),
    h('p', { class: 'meta' },
      h('span', {}, `${capitalise(format(event.start, 'short'))} ${format(event.start, 'time')}`),
      h('span', { class: `badge status-${event.status}` }, t(`status.${event.status}`)),
      event.status !== 'draft' ? occupancy(event) : null),
    h('div', { class: 'actions' }, actions),
    state.cancelling === event.id ? cancelForm(event) : null);
}

function action(event, path, done, label) {
  return h('button', {
    type: 'button', class: 'button', 'data-action': path,
    onclick: async () => {
      const result = await call(apiPath(event.id, `/${path}`), { method: 'POST' });
      await settle(result, `${t(done)} ${event.title}`);
    },
  }, label);
}

function cancelForm(event) {
  return h('form', {
    class: 'confirm', novalidate: true,
    onsubmit: async (submit) => {
      submit.preventDefault();
      const reason = submit.target.elements.reason.value.trim();
      const result = await call(apiPath(event.id, '/cancel'), { method: 'POST', body: { reason: reason || null } });
      state.cancelling = null;
      await settle(result, `${t('eventCancelled')} ${event.title}`);
    },
  },
  h('p', {}, t('cancelEventHint')),
  h('label', { for: 'cancel-reason' }, t('cancelReason')),
  h('textarea', { id: 'cancel-reason', name: 'reason', rows: 2, maxlength: 1000 }),
  h('div', { class: 'inline' },
    h('button', { type: 'submit', class: 'button danger', id: 'confirm-cancel-event' }, t('confirmCancelEvent')),
    h('button', { type: 'button', class: 'button plain',
      onclick: () => { state.cancelling = null; render(); } }, t('keep'))));
}

async function settle(result, done) {
  state.notice = result.ok ? { text: done, kind: 'success' } : { text: problemText(result.problem), kind: 'error' };
  await load(state.session);
  render();
  document.getElementById('organise-heading')?.focus();
}

startPage({ load, render });
