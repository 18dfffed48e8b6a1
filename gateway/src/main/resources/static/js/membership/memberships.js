// "Beheer › Leden": a beheerder finds members by name and status, reads a membership's history, and
// ends a membership with a reason (Keycloak then takes the lid role away).
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { startPage } from '../layout.js';
import { message, pageRoot, problemText, showProblem } from '../feedback.js';
import { clearErrors, errorSummary, field } from '../forms.js';
import { adminNav, adminPageRefused, history, memberPath, statusText } from './common.js';

const STATUSES = ['LID', 'VRIEND', 'APPLIED', 'GRANTING', 'ENDING'];
const params = new URLSearchParams(location.search);
const query = { q: params.get('q') || '', status: params.get('status') ?? 'LID', page: Number(params.get('page') || 0) };
const state = { session: { authenticated: false, roles: [] }, found: null, problem: null, open: null, notice: null };

async function load(session) {
  state.session = session;
  if (!session.roles.includes('beheerder')) return;
  const search = new URLSearchParams({ page: query.page, size: 20 });
  if (query.q) search.set('q', query.q);
  if (query.status) search.set('status', query.status);
  const found = await call(`/api/membership/memberships?${search}`);
  state.found = found.ok ? found.data : null;
  state.problem = found.ok ? null : found.problem;
}

function searchForm() {
  return h('form', { class: 'search-form', method: 'get', action: '/beheer/leden', role: 'search' },
    field({ label: t('searchName'), name: 'q', control: h('input', { type: 'search', name: 'q', value: query.q, maxlength: 80 }) }),
    field({
      label: t('statusFilter'), name: 'status',
      control: h('select', { name: 'status' }, h('option', { value: '', selected: !query.status }, t('searchAll')),
        STATUSES.map((status) => h('option', { value: status, selected: query.status === status }, statusText(status)))),
    }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('search'))));
}

function row(standing) {
  const opened = state.open?.memberId === standing.memberId ? state.open : null;
  return h('li', { class: 'card standing', 'data-member-id': standing.memberId },
    h('h2', {}, h('a', { href: memberPath(standing.memberId) }, standing.displayName)),
    h('p', { class: 'meta' }, statusText(standing.status), standing.email ? ` · ${standing.email}` : ''),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'button plain', 'aria-expanded': String(Boolean(opened)),
        onclick: () => toggle(standing) }, t('showHistory', { name: standing.displayName }))),
    opened ? h('div', { class: 'standing-detail' },
      history(opened.membership.history),
      opened.membership.status === 'LID' ? h('form', { class: 'end-form', novalidate: true, onsubmit: (event) => end(event, standing) },
        errorSummary(),
        field({ label: t('endReason'), name: 'reason', required: true, wide: true,
          control: h('textarea', { name: 'reason', rows: 3, maxlength: 1000 }) }),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button secondary' }, t('endMembership')))) : null) : null);
}

function render() {
  const root = pageRoot(t('adminMembers'));
  if (adminPageRefused(root, t('adminMembers'), state.session, state.found, state.problem)) return;
  const pages = Math.max(1, Math.ceil(state.found.total / state.found.size));
  const link = (page) => `/beheer/leden?${new URLSearchParams({ q: query.q, status: query.status, page })}`;
  show(root,
    adminNav('/beheer/leden'),
    h('h1', {}, t('adminMembers')),
    searchForm(),
    h('div', { id: 'notice', tabindex: '-1' }, state.notice ? message(state.notice.text, state.notice.kind) : null),
    h('p', { role: 'status' }, t('memberCount', { count: state.found.total })),
    state.found.items.length ? h('ul', { class: 'cards standings' }, state.found.items.map(row)) : h('p', {}, t('noMembers')),
    pages > 1 ? h('nav', { 'aria-label': t('pagination'), class: 'pagination' },
      query.page > 0 ? h('a', { href: link(query.page - 1) }, t('previousPage')) : null,
      h('span', {}, t('pageOf', { page: query.page + 1, pages })),
      query.page + 1 < pages ? h('a', { href: link(query.page + 1) }, t('nextPage')) : null) : null);
}

async function toggle(standing) {
  if (state.open?.memberId === standing.memberId) {
    state.open = null;
  } else {
    const found = await call(`/api/membership/members/${encodeURIComponent(standing.memberId)}/membership`);
    state.open = found.ok ? found.data : null;
    if (!found.ok) state.notice = { text: problemText(found.problem), kind: 'error' };
  }
  render();
}

async function end(event, standing) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const result = await call(`/api/membership/members/${encodeURIComponent(standing.memberId)}/membership/end`, {
    method: 'POST', body: { reason: new FormData(form).get('reason') || null },
  });
  if (!result.ok) {
    showProblem(form, result.problem);
    return;
  }
  state.open = result.data;
  state.notice = { text: t(result.data.membership.status === 'ENDING' ? 'endedWaitingNotice' : 'endedNotice', { name: standing.displayName }), kind: 'success' };
  await load(state.session);
  render();
  document.getElementById('notice').focus();
}

startPage({ load, render });
