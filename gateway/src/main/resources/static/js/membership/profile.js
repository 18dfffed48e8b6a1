// "Mijn profiel": what the member tells others about themselves, who sees each part, and their photo.
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { loginLink, startPage } from '../layout.js';
import { message, pageRoot, problemText, showProblem } from '../feedback.js';
import { choices, clearErrors, errorSummary, field } from '../forms.js';
import { avatar, FUNCTIONS, LIFELONG, memberPath, ORGANISATION_KINDS, PILLARS, PROVINCES, SECTORS, SHOWN } from './common.js';

const state = { session: { authenticated: false }, me: null, problem: null, notice: null };

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  const me = await call('/api/membership/members/me');
  state.me = me.ok ? me.data : null;
  state.problem = me.ok ? null : me.problem;
}

function options(values, prefix, chosen, empty = true) {
  return [empty ? h('option', { value: '' }, t('noChoice')) : null,
    ...values.map((value) => h('option', { value, selected: chosen === value }, t(`${prefix}.${value}`)))];
}

/** "Wie ziet dit?" for one field, named as the service names it (visibility.region). */
function whoSees(name, label) {
  const chosen = state.me.visibility[name];
  return field({
    label: t('whoSeesOf', { field: label }), name: `visibility.${name}`,
    control: h('select', { name: `visibility.${name}`, class: 'who-sees' }, options(SHOWN, 'shown', chosen, false)),
  });
}

/** A field with its visibility beside it, as one part of the form. */
function part(control, name, label) {
  return h('div', { class: 'profile-part' }, control, whoSees(name, label));
}

function profileForm() {
  const me = state.me;
  const d = me.details;
  return h('form', { id: 'profile-form', novalidate: true, onsubmit: save },
    errorSummary(),
    field({
      label: t('profileName'), name: 'displayName', hint: t('profileNameHint', { name: me.accountName }),
      control: h('input', { type: 'text', name: 'displayName', value: d.displayName || '', maxlength: 80, autocomplete: 'name' }),
    }),
    part(h('div', { class: 'field' }, h('p', { class: 'label-like' }, t('profileEmail')),
      h('p', { id: 'email' }, me.email || '—'), h('p', { class: 'hint' }, t('profileEmailHint'))), 'email', t('profileEmail')),
    part(field({
      label: t('profileFunction'), name: 'function',
      control: h('select', { name: 'function' }, options(FUNCTIONS, 'function', d.function)),
    }), 'function', t('profileFunction')),
    part(h('div', { class: 'field-pair' },
      field({ label: t('profileOrgKind'), name: 'organisation.kind',
        control: h('select', { name: 'organisation.kind' }, options(ORGANISATION_KINDS, 'orgkind', d.organisation?.kind)) }),
      field({ label: t('profileOrgName'), name: 'organisation.name',
        control: h('input', { type: 'text', name: 'organisation.name', value: d.organisation?.name || '', maxlength: 120, autocomplete: 'organization' }) })),
    'organisation', t('searchOrganisation')),
    part(field({
      label: t('profileRegion'), name: 'region',
      control: h('select', { name: 'region' }, options(PROVINCES, 'province', d.region)),
    }), 'region', t('profileRegion')),
    part(choices({
      legend: t('profileSectors'), name: 'sectors', type: 'checkbox',
      options: SECTORS.map((value) => ({ value, label: t(`sector.${value}`) })), chosen: d.sectors,
    }), 'sectors', t('profileSectors')),
    part(h('div', {},
      choices({ legend: `${t('profileThemes')}: ${t('themesPillars')}`, name: 'themes', type: 'checkbox',
        options: PILLARS.map((value) => ({ value, label: t(`theme.${value}`) })), chosen: d.themes }),
      choices({ legend: `${t('profileThemes')}: ${t('themesLifelong')}`, name: 'themes-lifelong', inputName: 'themes', type: 'checkbox',
        options: LIFELONG.map((value) => ({ value, label: t(`theme.${value}`) })), chosen: d.themes })),
    'themes', t('profileThemes')),
    part(field({
      label: t('profileBio'), name: 'bio', hint: t('profileBioHint'), wide: true,
      control: h('textarea', { name: 'bio', rows: 5, maxlength: 1000 }, d.bio || ''),
    }), 'bio', t('profileBio')),
    whoSees('photo', t('photoTitle')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('saveProfile'))));
}

function photoForm() {
  const me = state.me;
  return h('form', { id: 'photo-form', class: 'photo-form', onsubmit: upload },
    h('h2', { id: 'photo-heading' }, t('photoTitle')),
    h('div', { class: 'photo-row' },
      avatar(me, 'large'),
      h('div', {},
        me.photoUrl ? null : h('p', {}, t('photoNone')),
        field({ label: t('photoChoose'), name: 'photo', hint: t('photoHint'),
          control: h('input', { type: 'file', name: 'photo', id: 'photo-file', accept: 'image/jpeg,image/png,image/gif' }) }),
        h('div', { class: 'actions' },
          h('button', { type: 'submit', class: 'button', id: 'upload-photo' }, t('photoUpload')),
          me.photoUrl ? h('button', { type: 'button', class: 'button plain', id: 'remove-photo', onclick: removePhoto }, t('photoRemove')) : null))));
}

function render() {
  const root = pageRoot(t('profileTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('profileTitle')), h('p', {}, t('loginForProfile')), loginLink(t('login')));
    return;
  }
  if (!state.me) {
    show(root, h('h1', {}, t('profileTitle')), message(problemText(state.problem), 'error'));
    return;
  }
  show(root,
    h('h1', {}, t('profileTitle')),
    h('p', { class: 'lead' }, t('profileLead')),
    h('p', {}, h('a', { href: '/mijn-gegevens' }, t('myDataLink'))),
    h('div', { id: 'notice', tabindex: '-1' }, state.notice ? message(state.notice.text, state.notice.kind) : null),
    photoForm(),
    h('h2', {}, t('profileTitle')),
    profileForm(),
    h('p', {}, h('a', { href: memberPath(state.me.id) }, t('viewOwnCard'))));
}

function values(form) {
  const data = new FormData(form);
  const text = (name) => (data.get(name) || '').toString();
  const visibility = {};
  for (const name of ['email', 'function', 'organisation', 'region', 'sectors', 'themes', 'bio', 'photo']) {
    visibility[name] = text(`visibility.${name}`);
  }
  const kind = text('organisation.kind');
  const organisationName = text('organisation.name');
  return {
    displayName: text('displayName').trim() || null,
    function: text('function') || null,
    organisation: kind || organisationName.trim() ? { kind: kind || null, name: organisationName } : null,
    region: text('region') || null,
    sectors: data.getAll('sectors'),
    themes: data.getAll('themes'),
    bio: text('bio'),
    visibility,
  };
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const result = await call('/api/membership/members/me/profile', { method: 'PUT', body: values(form) });
  if (!result.ok) {
    showProblem(form, result.problem);
    return;
  }
  done(result.data, t('profileSaved'));
}

async function upload(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const file = form.querySelector('#photo-file').files[0];
  if (!file) {
    showProblem(form, { errors: [{ field: 'photo', code: 'pick', message: t('photoPick') }] });
    return;
  }
  const result = await call('/api/membership/members/me/photo', { method: 'PUT', body: file, contentType: file.type || 'application/octet-stream' });
  if (!result.ok) {
    showProblem(form, result.problem);
    return;
  }
  done(result.data, t('photoSaved'));
}

async function removePhoto() {
  const result = await call('/api/membership/members/me/photo', { method: 'DELETE' });
  if (!result.ok) {
    state.notice = { text: problemText(result.problem), kind: 'error' };
    render();
    return;
  }
  done(result.data, t('photoRemoved'));
}

function done(me, text) {
  state.me = me;
  state.notice = { text, kind: 'success' };
  render();
  document.getElementById('notice').focus();
}

startPage({ load, render });
