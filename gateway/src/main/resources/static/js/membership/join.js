// "Lid worden": a vriend applies to become lid of the association, follows the application, and
// reads what happened to it. A decision waiting for Keycloak shows as "wordt verwerkt".
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { loginLink, startPage } from '../layout.js';
import { message, pageRoot, problemText, showProblem } from '../feedback.js';
import { clearErrors, errorSummary, field } from '../forms.js';
import { history } from './common.js';

const state = { session: { authenticated: false, roles: [] }, membership: null, me: null, problem: null, notice: null };

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  const [membership, me] = await Promise.all([call('/api/membership/members/me/membership'), call('/api/membership/members/me')]);
  state.membership = membership.ok ? membership.data : null;
  state.me = me.ok ? me.data : null;
  state.problem = membership.ok ? null : membership.problem;
}

function applicationForm() {
  const organisation = state.me?.details?.organisation?.name || '';
  return h('form', { id: 'application-form', novalidate: true, onsubmit: apply },
    errorSummary(),
    field({
      label: t('joinMotivation'), name: 'motivation', hint: t('joinMotivationHint'), required: true, wide: true,
      control: h('textarea', { name: 'motivation', rows: 6, maxlength: 2000 }),
    }),
    field({
      label: t('joinOrganisation'), name: 'organisation', hint: t('joinOrganisationHint'), required: true,
      control: h('input', { type: 'text', name: 'organisation', value: organisation, maxlength: 120, autocomplete: 'organization' }),
    }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('joinSend'))));
}

function standing() {
  const m = state.membership;
  switch (m.status) {
    case 'LID': return [message(t('joinIsLid'), 'success'), h('p', {}, t('joinIsLidLead'))];
    case 'ENDING': return [message(t('joinEnding'), 'info')];
    case 'GRANTING': return [message(t('joinGranting'), 'info'), h('p', {}, t('joinGrantingLead'))];
    case 'APPLIED': return [
      message(t('joinApplied', { date: day(m.application.appliedAt) }), 'info'),
      h('dl', { class: 'facts' },
        h('dt', {}, t('joinMotivation')), h('dd', { class: 'bio' }, m.application.motivation),
        h('dt', {}, t('joinOrganisation')), h('dd', {}, m.application.organisation)),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'button secondary', id: 'withdraw', onclick: withdraw }, t('joinWithdraw')))];
    default: return [
      m.rejection ? message(t('joinRejected', { reason: m.rejection.reason }), 'error') : null,
      h('h2', {}, t('joinApply')), h('p', {}, t('joinWhy')), applicationForm()];
  }
}

function day(instant) {
  return new Date(instant).toLocaleDateString(document.documentElement.lang || 'nl', { day: 'numeric', month: 'long', year: 'numeric' });
}

function render() {
  const root = pageRoot(t('joinTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('joinTitle')), h('p', { class: 'lead' }, t('joinLead')), h('p', {}, t('loginForJoin')), loginLink(t('login')));
    return;
  }
  if (!state.membership) {
    show(root, h('h1', {}, t('joinTitle')), message(problemText(state.problem), 'error'));
    return;
  }
  show(root,
    h('h1', {}, t('joinTitle')),
    h('p', { class: 'lead' }, t('joinLead')),
    h('div', { id: 'notice', tabindex: '-1' }, state.notice ? message(state.notice.text, state.notice.kind) : null),
    h('div', { id: 'standing', 'data-status': state.membership.status }, standing()),
    state.membership.history.length ? h('section', { 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading' }, t('historyTitle')), history(state.membership.history)) : null);
}

async function apply(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const data = new FormData(form);
  const result = await call('/api/membership/members/me/membership/application', {
    method: 'POST', body: { motivation: data.get('motivation'), organisation: data.get('organisation') },
  });
  if (!result.ok) {
    showProblem(form, result.problem);
    return;
  }
  done(result.data, t('joinSent'));
}

async function withdraw() {
  const result = await call('/api/membership/members/me/membership/application', { method: 'DELETE' });
  if (!result.ok) {
    state.notice = { text: problemText(result.problem), kind: 'error' };
    render();
    return;
  }
  done(result.data, t('joinWithdrawn'));
}

function done(membership, text) {
  state.membership = membership;
  state.notice = { text, kind: 'success' };
  render();
  document.getElementById('notice').focus();
}

startPage({ load, render, sessionChanged: load });
