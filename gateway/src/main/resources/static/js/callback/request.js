// "Bel mij terug": anyone, signed in or not, asks the association to call them back.
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { signedInMember, startPage } from '../layout.js';
import { message, pageRoot, showProblem } from '../feedback.js';
import { choices, clearErrors, errorSummary, field } from '../forms.js';
import { MOMENTS } from './texts.js';

const state = { sent: null };

function form() {
  const me = signedInMember();
  return h('form', { id: 'callback-form', novalidate: true, onsubmit: send },
    errorSummary(),
    field({
      label: t('callbackName'), name: 'name', required: true,
      control: h('input', { type: 'text', name: 'name', value: me?.authenticated ? me.name : '', maxlength: 100, autocomplete: 'name' }),
    }),
    field({
      label: t('callbackPhone'), name: 'phone', hint: t('callbackPhoneHint'), required: true,
      control: h('input', { type: 'tel', name: 'phone', maxlength: 40, autocomplete: 'tel', inputmode: 'tel' }),
    }),
    choices({
      legend: t('callbackMoment'), name: 'moment', required: true, chosen: ['MAAKT_NIET_UIT'],
      options: MOMENTS.map((moment) => ({ value: moment, label: t(`moment.${moment}`) })),
    }),
    field({
      label: t('callbackTopic'), name: 'topic', hint: t('callbackTopicHint'), required: true, wide: true,
      control: h('textarea', { name: 'topic', rows: 4, maxlength: 500 }),
    }),
    h('p', { class: 'hint' }, t('callbackPrivacy')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('callbackSend'))));
}

function render() {
  const root = pageRoot(t('callbackTitle'));
  show(root,
    h('h1', {}, t('callbackTitle')),
    h('p', { class: 'lead' }, t('callbackLead')),
    h('div', { id: 'notice', tabindex: '-1' }, state.sent
      ? [message(t('callbackSent', { phone: state.sent.phone, moment: t(`moment.${state.sent.moment}`) }), 'success'),
        h('p', {}, h('button', { type: 'button', class: 'button plain', id: 'another', onclick: another }, t('callbackAnother')))]
      : null),
    state.sent ? null : form());
}

async function send(event) {
  event.preventDefault();
  const target = event.target;
  clearErrors(target);
  const data = new FormData(target);
  const result = await call('/api/membership/callbacks', {
    method: 'POST',
    body: { name: data.get('name'), phone: data.get('phone'), moment: data.get('moment'), topic: data.get('topic') },
  });
  if (!result.ok) {
    showProblem(target, result.problem);
    return;
  }
  state.sent = result.data;
  render();
  document.getElementById('notice').focus();
}

function another() {
  state.sent = null;
  render();
  document.querySelector('#callback-form input')?.focus();
}

startPage({ render });
