// "Mijn gegevens": what the platform holds about the member, downloaded as one JSON document; and
// deleting the account, after a confirmation step, which signs the member out when it is done.
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { call } from '../api.js';
import { errorSummary } from '../forms.js';
import { loginLink, startPage } from '../layout.js';
import { message, pageRoot, showProblem } from '../feedback.js';
import './texts.js';

const state = { session: { authenticated: false }, confirming: false, erased: null };

async function load(session) {
  state.session = session;
}

function render() {
  const root = pageRoot(t('myDataTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('myDataTitle')), h('p', {}, t('loginForMyData')), loginLink(t('login')));
    return;
  }
  show(root,
    h('h1', {}, t('myDataTitle')),
    h('p', { class: 'lead' }, t('myDataLead')),
    h('section', { 'aria-labelledby': 'export-heading' },
      h('h2', { id: 'export-heading' }, t('exportTitle')),
      h('p', {}, t('exportText')),
      h('ul', {}, ['exportMembership', 'exportEvents', 'exportKnowledge', 'exportPolls'].map((key) => h('li', {}, t(key)))),
      h('p', {}, t('exportMissing')),
      h('p', {}, h('a', { href: '/bff/personal-data', class: 'button', download: '' }, t('exportDownload')))),
    eraseSection(),
    h('p', {}, h('a', { href: '/privacy' }, t('myDataPrivacy'))));
  if (state.confirming) document.getElementById('erase-confirm')?.focus();
}

function eraseSection() {
  const parts = [h('h2', { id: 'erase-heading' }, t('eraseTitle')), h('p', {}, t('eraseText')),
    h('ul', {}, ['eraseGone', 'eraseStays', 'eraseOthers'].map((key) => h('li', {}, t(key))))];
  if (state.erased) {
    parts.push(message(t(state.erased === 'erased' ? 'eraseDone' : 'eraseBusy')));
  } else if (!state.confirming) {
    parts.push(h('p', {}, h('button', {
      type: 'button', class: 'button danger',
      onclick: () => { state.confirming = true; render(); },
    }, t('eraseStart'))));
  } else {
    parts.push(h('form', { id: 'erase-form', novalidate: '', onsubmit: erase },
      errorSummary(),
      h('p', { class: 'field' },
        h('input', { type: 'checkbox', id: 'erase-confirm', name: 'confirm', 'data-field': 'confirm' }),
        h('label', { for: 'erase-confirm' }, ` ${t('eraseConfirm')}`)),
      h('p', {},
        h('button', { type: 'submit', class: 'button danger' }, t('eraseFinal')), ' ',
        h('button', { type: 'button', class: 'button secondary-dark', onclick: () => { state.confirming = false; render(); } },
          t('eraseCancel')))));
  }
  return h('section', { 'aria-labelledby': 'erase-heading', id: 'erase' }, ...parts);
}

async function erase(submitted) {
  submitted.preventDefault();
  const form = submitted.currentTarget;
  if (!form.elements.confirm.checked) {
    showProblem(form, { errors: [{ field: 'confirm', code: 'confirm', message: t('eraseConfirmFirst') }] });
    return;
  }
  const result = await call('/api/membership/members/me', { method: 'DELETE' });
  if (!result.ok) {
    showProblem(form, result.problem);
    return;
  }
  state.erased = result.data?.status || 'erased';
  render();
  // the session goes with the account: signed out, back on the home page
  setTimeout(() => document.getElementById('logout')?.submit(), 1500);
}

startPage({ load, render });
