// "Beheer › Aanvragen": a beheerder approves or rejects applications to become lid, and sees the
// decisions Keycloak has still to carry out.
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { startPage } from '../layout.js';
import { message, pageRoot, showProblem } from '../feedback.js';
import { clearErrors, errorSummary, field } from '../forms.js';
import { adminNav, adminPageRefused, memberPath, statusText } from './common.js';

const state = { session: { authenticated: false, roles: [] }, applications: null, problem: null, notice: null };

async function load(session) {
  state.session = session;
  if (!session.roles.includes('beheerder')) return;
  const found = await call('/api/membership/applications');
  state.applications = found.ok ? found.data : null;
  state.problem = found.ok ? null : found.problem;
}

function day(instant) {
  return new Date(instant).toLocaleDateString(document.documentElement.lang || 'nl', { day: 'numeric', month: 'long', year: 'numeric' });
}

function applicationCard(application) {
  const headingId = `application-${application.id}`;
  return h('li', { class: 'card application', 'data-application-id': application.id, 'aria-labelledby': headingId },
    h('h2', { id: headingId }, h('a', { href: memberPath(application.memberId) }, application.displayName)),
    h('p', { class: 'meta' }, t('appliedOn', { date: day(application.appliedAt) }), ' · ', application.organisation),
    h('p', { class: 'bio' }, application.motivation),
    h('form', { class: 'decision-form', novalidate: true, onsubmit: (event) => decide(event, application) },
      errorSummary(),
      field({
        label: t('decisionReason'), name: 'reason', hint: t('decisionReasonHint'), wide: true,
        control: h('textarea', { name: 'reason', rows: 3, maxlength: 1000 }),
      }),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'button', value: 'approval' }, t('approve')),
        h('button', { type: 'submit', class: 'button secondary', value: 'rejection' }, t('reject')))));
}

function render() {
  const root = pageRoot(t('applicationsTitle'));
  if (adminPageRefused(root, t('applicationsTitle'), state.session, state.applications, state.problem)) return;
  const { open, waitingForKeycloak } = state.applications;
  show(root,
    adminNav('/beheer/aanvragen'),
    h('h1', {}, t('applicationsTitle')),
    h('div', { id: 'notice', tabindex: '-1' }, state.notice ? message(state.notice.text, state.notice.kind) : null),
    open.length ? h('ul', { class: 'cards applications' }, open.map(applicationCard)) : h('p', {}, t('noApplications')),
    waitingForKeycloak.length ? h('section', { 'aria-labelledby': 'waiting-heading' },
      h('h2', { id: 'waiting-heading' }, t('waitingTitle')), h('p', {}, t('waitingLead')),
      h('ul', {}, waitingForKeycloak.map((waiting) => h('li', { 'data-member-id': waiting.memberId },
        h('a', { href: memberPath(waiting.memberId) }, waiting.displayName), ` — ${statusText(waiting.membership.status)}`)))) : null);
}

async function decide(event, application) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const decision = event.submitter?.value === 'rejection' ? 'rejection' : 'approval';
  const reason = new FormData(form).get('reason');
  const result = await call(`/api/membership/applications/${encodeURIComponent(application.id)}/${decision}`, {
    method: 'POST', body: { reason: reason || null },
  });
  if (!result.ok) {
    showProblem(form, result.problem);
    return;
  }
  const status = result.data.membership.status;
  state.notice = {
    text: t(decision === 'rejection' ? 'rejectedNotice' : (status === 'GRANTING' ? 'approvedWaitingNotice' : 'approvedNotice'), { name: application.displayName }),
    kind: 'success',
  };
  await load(state.session);
  render();
  document.getElementById('notice').focus();
}

startPage({ load, render });
