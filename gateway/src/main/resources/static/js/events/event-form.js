// Creating and editing an event: what, when, where, for whom, registration and waitlist, the
// programme, breakout sessions and the event's own questions. The service checks everything;
// its errors come back next to the fields they are about, in the member's language.
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { choices, errorSummary, field } from '../forms.js';
import { EDITORS, loginLink, startPage } from '../layout.js';
import {
  apiPath, backLink, eventPath, KINDS, message, pageRoot, problemText, REGIONS, showProblem,
} from './common.js';

const parts = location.pathname.split('/');
const editing = parts[3] === 'bewerken' ? decodeURIComponent(parts[2]) : null;
const state = {
  session: { authenticated: false, roles: [] }, model: null, problem: null, busy: false,
  names: new Map(), found: {}, groups: [],
};

const EMPTY = {
  kind: 'kennissessie', title: '', description: '', organisations: [], themes: [], categories: [],
  audience: { text: '', roles: ['vriend', 'lid'] }, start: '', end: '',
  location: { mode: 'onsite', venue: '', address: '', city: '', region: '', platform: '', joinUrl: '' },
  programme: [], breakouts: [], questions: [], visibility: { level: 'public', invitees: [], groups: [] },
  capacity: '', registrationDeadline: '', waitlist: { promotion: 'automatic', offerHours: 48 }, organisers: [],
  series: { id: '', title: '' }, followUpOf: '', reportUrl: '',
};

/** "2026-12-10T13:30:00+01:00" → "2026-12-10T13:30": the service already speaks Amsterdam time. */
const local = (time) => (time ? time.slice(0, 16) : '');

function fromView(event) {
  return {
    kind: event.kind, title: event.title, description: event.description || '',
    organisations: event.organisations, themes: event.themes, categories: event.categories,
    audience: { text: event.audience?.text || '', roles: event.audience?.roles || [] },
    start: local(event.start), end: local(event.end),
    location: { ...EMPTY.location, ...Object.fromEntries(Object.entries(event.location).map(([k, v]) => [k, v ?? ''])) },
    programme: event.programme.map((slot) => ({ ...slot, start: local(slot.start), end: local(slot.end) })),
    breakouts: event.breakouts.map(({ id, title, description, capacity }) => ({ id, title, description: description || '', capacity: capacity ?? '' })),
    questions: event.questions.map((q) => ({ ...q, options: q.options || [] })),
    visibility: { level: event.visibility.level, invitees: event.visibility.invitees, groups: event.visibility.groups },
    capacity: event.capacity ?? '', registrationDeadline: local(event.registrationDeadline),
    waitlist: { promotion: event.waitlistPolicy?.promotion || 'automatic', offerHours: event.waitlistPolicy?.offerHours || 48 },
    organisers: event.organisers, series: { id: event.series?.id || '', title: event.series?.title || '' },
    followUpOf: event.followUpOf || '', reportUrl: event.reportUrl || '',
  };
}

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  // the groups the organiser may see, to show the event to their members (membership-service's list)
  const groups = await call('/api/membership/groups?size=100');
  state.groups = groups.ok ? groups.data.items.map(({ id, name }) => ({ id, name })) : [];
  if (!editing) {
    state.model = structuredClone(EMPTY);
    return;
  }
  const result = await call(apiPath(editing));
  state.model = result.ok && result.data.manageable ? fromView(result.data) : null;
  state.problem = result.ok ? (result.data.manageable ? null : { status: 403, code: 'forbidden' }) : result.problem;
  if (state.model) await learnNames([...state.model.visibility.invitees, ...state.model.organisers]);
}

/**
 * The groups whose members see an event "for invitees only": each group the organiser may see, and
 * any chosen before that they no longer see (kept, by its id).
 */
function groupPicker(chosen) {
  const known = new Set(state.groups.map((group) => group.id));
  const options = [...state.groups.map(({ id, name }) => ({ value: id, label: name })),
    ...chosen.filter((id) => !known.has(id)).map((id) => ({ value: id, label: t('unknownGroup') }))];
  if (!options.length) return h('p', { class: 'hint' }, t('groupsForEventNone'));
  return choices({ legend: t('fieldGroups'), name: 'visibility.groups', type: 'checkbox', chosen, options });
}

/** Display names of chosen members, from the events directory (members who signed in once). */
async function learnNames(ids) {
  await Promise.all(ids.filter((memberId) => !state.names.has(memberId)).map(async (memberId) => {
    const entry = await call(`/api/events/members/${encodeURIComponent(memberId)}`);
    state.names.set(memberId, entry.ok ? entry.data.displayName : null);
  }));
}

function render() {
  const title = t(editing ? 'editTitle' : 'createTitle');
  const root = pageRoot(title);
  if (!state.session.authenticated) {
    show(root, h('h1', {}, title), loginLink(t('login')));
    return;
  }
  if (!state.model) {
    if (state.problem) show(root, h('h1', {}, title), message(problemText(state.problem), 'error'));
    return;
  }
  const form = document.getElementById('event-form');
  if (form && !state.modelIsNewer) state.model = read(form); // keep what was typed when the language changes
  state.modelIsNewer = false;
  show(root,
    backLink('/organiseren', t('organiseTitle')),
    h('h1', {}, title),
    h('p', { class: 'lead' }, t('formLead')),
    eventForm(state.model));
}

const lines = (values) => (values || []).join('\n');
const text = (attributes) => h('input', { type: 'text', ...attributes });

function eventForm(m) {
  const multiDay = m.start && m.end && m.start.slice(0, 10) !== m.end.slice(0, 10);
  return h('form', { id: 'event-form', class: 'event-form', novalidate: true, onsubmit: save },
    errorSummary(),
    h('fieldset', { class: 'section' }, h('legend', {}, t('sectionBasics')),
      field({ label: t('fieldKind'), name: 'kind', required: true,
        control: h('select', { name: 'kind' }, KINDS.map((kind) => h('option', { value: kind, selected: kind === m.kind }, t(`kind.${kind}`)))) }),
      field({ label: t('fieldTitle'), name: 'title', required: true, wide: true, control: text({ name: 'title', value: m.title, maxlength: 150 }) }),
      field({ label: t('fieldDescription'), name: 'description', wide: true,
        control: h('textarea', { name: 'description', rows: 8, maxlength: 10000, value: m.description }) }),
      field({ label: t('fieldOrganisations'), name: 'organisations', hint: t('onePerLine'),
        control: h('textarea', { name: 'organisations', rows: 3, value: lines(m.organisations) }) }),
      field({ label: t('fieldThemes'), name: 'themes', hint: t('onePerLine'), control: h('textarea', { name: 'themes', rows: 3, value: lines(m.themes) }) }),
      field({ label: t('fieldCategories'), name: 'categories', hint: t('onePerLine'),
        control: h('textarea', { name: 'categories', rows: 3, value: lines(m.categories) }) })),
    h('fieldset', { class: 'section' }, h('legend', {}, t('sectionWhen')),
      field({ label: t('fieldStart'), name: 'start', required: true, control: h('input', { type: 'datetime-local', name: 'start', value: m.start }) }),
      field({ label: t('fieldEnd'), name: 'end', required: true, control: h('input', { type: 'datetime-local', name: 'end', value: m.end }) })),
    h('fieldset', { class: 'section' }, h('legend', {}, t('sectionWhere')),
      choices({ legend: t('fieldMode'), name: 'location.mode', required: true, chosen: [m.location.mode],
        options: ['onsite', 'online', 'hybrid'].map((mode) => ({ value: mode, label: t(`mode.${mode}`) })) }),
      field({ label: t('fieldVenue'), name: 'location.venue', control: text({ name: 'location.venue', value: m.location.venue, maxlength: 200 }) }),
      field({ label: t('fieldAddress'), name: 'location.address', control: text({ name: 'location.address', value: m.location.address, maxlength: 300, autocomplete: 'off' }) }),
      field({ label: t('fieldCity'), name: 'location.city', control: text({ name: 'location.city', value: m.location.city, maxlength: 100 }) }),
      field({ label: t('fieldRegion'), name: 'location.region',
        control: h('select', { name: 'location.region' }, h('option', { value: '' }, t('none')),
          [...new Set([...REGIONS, m.location.region].filter(Boolean))].map((region) => h('option', { value: region, selected: region === m.location.region }, region))) }),
      field({ label: t('fieldPlatform'), name: 'location.platform', control: text({ name: 'location.platform', value: m.location.platform, maxlength: 60 }) }),
      field({ label: t('fieldJoinUrl'), name: 'location.joinUrl', hint: t('joinUrlHint'),
        control: h('input', { type: 'url', name: 'location.joinUrl', value: m.location.joinUrl, maxlength: 500, placeholder: 'https://' }) })),
    h('fieldset', { class: 'section' }, h('legend', {}, t('sectionAudience')),
      field({ label: t('fieldAudienceText'), name: 'audience.text', wide: true,
        control: h('textarea', { name: 'audience.text', rows: 2, maxlength: 500, value: m.audience.text }) }),
      choices({ legend: t('fieldAudienceRoles'), name: 'audience.roles', type: 'checkbox', chosen: m.audience.roles,
        options: ['vriend', 'lid'].map((role) => ({ value: role, label: t(`role.${role}`) })) }),
      choices({ legend: t('fieldVisibility'), name: 'visibility.level', required: true, chosen: [m.visibility.level],
        options: ['public', 'members', 'lid', 'invited'].map((level) => ({ value: level, label: t(`visibility.${level}`) })) }),
      peoplePicker('visibility.invitees', t('fieldInvitees'), m.visibility.invitees),
      groupPicker(m.visibility.groups),
      peoplePicker('organisers', t('fieldOrganisers'), m.organisers)),
    h('fieldset', { class: 'section' }, h('legend', {}, t('sectionRegistration')),
      field({ label: t('fieldCapacity'), name: 'capacity', hint: t('capacityHint'),
        control: h('input', { type: 'number', name: 'capacity', min: 1, inputmode: 'numeric', value: m.capacity }) }),
      field({ label: t('fieldDeadline'), name: 'registrationDeadline', hint: t('deadlineHint'),
        control: h('input', { type: 'datetime-local', name: 'registrationDeadline', value: m.registrationDeadline }) }),
      choices({ legend: t('fieldPromotion'), name: 'waitlist.promotion', chosen: [m.waitlist.promotion],
        options: ['automatic', 'offer'].map((promotion) => ({ value: promotion, label: t(`promotion.${promotion}`) })) }),
      field({ label: t('fieldOfferHours'), name: 'waitlist.offerHours',
        control: h('input', { type: 'number', name: 'waitlist.offerHours', min: 1, inputmode: 'numeric', value: m.waitlist.offerHours }) })),
    rows('programme', 'sectionProgramme', 'addSlot', m.programme, (slot, i) => programmeRow(slot, i, m, multiDay),
      () => ({ start: '', end: '', title: '', speaker: '', description: '', breakoutId: '' })),
    rows('breakouts', 'sectionBreakouts', 'addBreakout', m.breakouts, breakoutRow,
      () => ({ id: null, title: '', description: '', capacity: '' })),
    rows('questions', 'sectionQuestions', 'addQuestion', m.questions, questionRow,
      () => ({ id: null, label: '', type: 'text', options: [], required: false })),
    h('fieldset', { class: 'section' }, h('legend', {}, t('sectionMore')),
      field({ label: t('fieldSeriesId'), name: 'series.id', control: text({ name: 'series.id', value: m.series.id, maxlength: 40 }) }),
      field({ label: t('fieldSeriesTitle'), name: 'series.title', control: text({ name: 'series.title', value: m.series.title, maxlength: 150 }) }),
      field({ label: t('fieldFollowUpOf'), name: 'followUpOf', control: text({ name: 'followUpOf', value: m.followUpOf, maxlength: 64 }) }),
      field({ label: t('fieldReportUrl'), name: 'reportUrl', control: h('input', { type: 'url', name: 'reportUrl', value: m.reportUrl, maxlength: 500 }) })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button', id: 'save-event' }, t(editing ? 'save' : 'saveDraft')),
      h('a', { href: editing ? eventPath(editing) : '/organiseren', class: 'button plain' }, t('cancel'))));
}

/** A repeatable group (programme items, breakouts, questions) with add and remove buttons. */
function rows(name, legendKey, addKey, items, drawRow, blank) {
  return h('fieldset', { class: 'section repeat', 'data-field': name }, h('legend', {}, t(legendKey)),
    h('ol', { class: 'rows' }, items.map((item, i) => h('li', { class: 'row', 'data-field': `${name}[${i}]` }, drawRow(item, i)))),
    h('button', {
      type: 'button', class: 'button plain', id: `add-${name}`,
      onclick: () => { rebuild((model) => model[name].push(blank())); focusLast(name); },
    }, `+ ${t(addKey)}`));
}

function removeButton(name, i, label) {
  return h('button', {
    type: 'button', class: 'button plain danger-text', 'aria-label': t('removeNamed', { name: label }),
    onclick: () => { rebuild((model) => model[name].splice(i, 1)); document.getElementById(`add-${name}`)?.focus(); },
  }, t('remove'));
}

function programmeRow(slot, i, m, multiDay) {
  const n = `programme.${i}`;
  const timeInput = (part) => (multiDay
    ? h('input', { type: 'datetime-local', name: `${n}.${part}`, value: slot[part] })
    : h('input', { type: 'time', name: `${n}.${part}`, value: slot[part] ? slot[part].slice(11, 16) : '' }));
  return [
    h('h2', { class: 'row-title' }, t('slotNumber', { n: i + 1 })),
    h('div', { class: 'row-fields' },
      field({ label: t('slotStart'), name: `programme[${i}].start`, required: true, control: timeInput('start') }),
      field({ label: t('slotEnd'), name: `programme[${i}].end`, required: true, control: timeInput('end') }),
      field({ label: t('slotTitle'), name: `programme[${i}].title`, required: true, wide: true, control: text({ name: `${n}.title`, value: slot.title, maxlength: 200 }) }),
      field({ label: t('slotSpeaker'), name: `programme[${i}].speaker`, control: text({ name: `${n}.speaker`, value: slot.speaker || '', maxlength: 200 }) }),
      field({ label: t('slotBreakout'), name: `programme[${i}].breakoutId`,
        control: h('select', { name: `${n}.breakoutId` }, h('option', { value: '' }, t('none')),
          m.breakouts.filter((b) => b.id).map((b) => h('option', { value: b.id, selected: b.id === slot.breakoutId }, b.title))) }),
      field({ label: t('slotDescription'), name: `programme[${i}].description`, wide: true,
        control: h('textarea', { name: `${n}.description`, rows: 2, maxlength: 2000, value: slot.description || '' }) })),
    removeButton('programme', i, t('slotNumber', { n: i + 1 })),
  ];
}

function breakoutRow(breakout, i) {
  const n = `breakouts.${i}`;
  return [
    h('h2', { class: 'row-title' }, t('breakoutNumber', { n: i + 1 })),
    h('input', { type: 'hidden', name: `${n}.id`, value: breakout.id || '' }),
    h('div', { class: 'row-fields' },
      field({ label: t('breakoutTitle'), name: `breakouts[${i}].title`, required: true, wide: true, control: text({ name: `${n}.title`, value: breakout.title, maxlength: 150 }) }),
      field({ label: t('breakoutCapacity'), name: `breakouts[${i}].capacity`, hint: t('capacityHint'),
        control: h('input', { type: 'number', min: 1, inputmode: 'numeric', name: `${n}.capacity`, value: breakout.capacity }) }),
      field({ label: t('breakoutDescription'), name: `breakouts[${i}].description`, wide: true,
        control: h('textarea', { name: `${n}.description`, rows: 2, maxlength: 2000, value: breakout.description }) })),
    removeButton('breakouts', i, t('breakoutNumber', { n: i + 1 })),
  ];
}

function questionRow(question, i) {
  const n = `questions.${i}`;
  return [
    h('h2', { class: 'row-title' }, t('questionNumber', { n: i + 1 })),
    h('input', { type: 'hidden', name: `${n}.id`, value: question.id || '' }),
    h('div', { class: 'row-fields' },
      field({ label: t('questionLabel'), name: `questions[${i}].label`, required: true, wide: true, control: text({ name: `${n}.label`, value: question.label, maxlength: 300 }) }),
      field({ label: t('questionType'), name: `questions[${i}].type`,
        control: h('select', { name: `${n}.type` }, ['text', 'choice'].map((type) => h('option', { value: type, selected: type === question.type }, t(`question.${type}`)))) }),
      field({ label: t('questionOptions'), name: `questions[${i}].options`,
        control: h('textarea', { name: `${n}.options`, rows: 3, value: lines(question.options) }) }),
      h('div', { class: 'choice' },
        h('input', { type: 'checkbox', id: `${n}.required`, name: `${n}.required`, checked: question.required }),
        h('label', { for: `${n}.required` }, t('questionRequired')))),
    removeButton('questions', i, t('questionNumber', { n: i + 1 })),
  ];
}

/**
 * Members chosen by name: the chosen ones with a remove button each, and for editors a search in
 * the member directory whose results are buttons that add. Hidden inputs carry the ids.
 */
function peoplePicker(name, legend, chosen) {
  const key = name.replace('.', '-');
  const found = state.found[name];
  const editor = state.session.roles.some((role) => EDITORS.includes(role));
  const nameOf = (memberId) => state.names.get(memberId) || t('unknownMember');
  return h('fieldset', { class: 'choices people-picker', 'data-field': name, id: `picker-${key}` },
    h('legend', {}, legend),
    chosen.length ? h('ul', { class: 'people' }, chosen.map((memberId) => h('li', {},
      h('input', { type: 'hidden', name, value: memberId }),
      h('span', {}, nameOf(memberId)),
      h('button', {
        type: 'button', class: 'button plain danger-text', 'aria-label': t('removeNamed', { name: nameOf(memberId) }),
        onclick: () => { rebuild((model) => remove(model, name, memberId)); document.getElementById(`search-${key}`)?.focus(); },
      }, t('remove'))))) : h('p', { class: 'hint' }, t('nobodyChosen')),
    editor ? h('div', { class: 'inline' },
      h('label', { for: `search-${key}`, class: 'visually-hidden' }, `${legend}: ${t('searchName')}`),
      h('input', { type: 'search', id: `search-${key}`, value: found?.query || '', placeholder: t('searchName'),
        autocomplete: 'off', onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); search(name, key); } } }),
      h('button', { type: 'button', class: 'button plain', id: `search-button-${key}`, onclick: () => search(name, key) }, t('search'))) : null,
    h('p', { class: 'hint', role: 'status', id: `found-${key}` },
      found ? (found.results.length ? t('foundCount', { count: found.results.length }) : t('foundNone')) : ''),
    found?.results.length ? h('ul', { class: 'people found' }, found.results
      .filter((entry) => !chosen.includes(entry.memberId))
      .map((entry) => h('li', {}, h('button', {
        type: 'button', class: 'button plain',
        onclick: () => {
          state.names.set(entry.memberId, entry.displayName);
          rebuild((model) => add(model, name, entry.memberId));
          document.getElementById(`search-${key}`)?.focus();
        },
      }, `+ ${entry.displayName}`)))) : null);
}

function listIn(model, name) {
  return name === 'organisers' ? model.organisers : model.visibility.invitees;
}

function add(model, name, memberId) {
  if (!listIn(model, name).includes(memberId)) listIn(model, name).push(memberId);
}

function remove(model, name, memberId) {
  const list = listIn(model, name);
  list.splice(list.indexOf(memberId), 1);
}

async function search(name, key) {
  const query = document.getElementById(`search-${key}`).value.trim();
  if (query.length < 2) {
    state.found[name] = { query, results: [] };
  } else {
    const result = await call(`/api/events/members?name=${encodeURIComponent(query)}`);
    state.found[name] = { query, results: result.ok ? result.data : [] };
  }
  rebuild(() => {});
  document.getElementById(`search-${key}`)?.focus();
}

function rebuild(change) {
  const model = read(document.getElementById('event-form'));
  change(model);
  state.model = model;
  state.modelIsNewer = true;
  render();
}

function focusLast(name) {
  const last = [...document.querySelectorAll(`[data-field^="${name}["].row`)].pop();
  last?.querySelector('input:not([type=hidden]), select, textarea')?.focus();
}

/** What the form holds, in the shape of the model (and, nearly, of the request). */
function read(form) {
  const value = (name) => form.elements[name]?.value ?? '';
  const list = (name) => value(name).split('\n').map((line) => line.trim()).filter(Boolean);
  const ids = (name) => [...form.querySelectorAll(`input[type=hidden][name="${CSS.escape(name)}"]`)].map((input) => input.value);
  const checked = (name) => [...form.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)].map((input) => input.value);
  const start = value('start');
  const count = (name) => form.querySelectorAll(`[data-field^="${name}["].row`).length;
  const slotTime = (i, part) => {
    const raw = value(`programme.${i}.${part}`);
    return raw.length === 5 ? (start ? `${start.slice(0, 10)}T${raw}` : '') : raw;
  };
  return {
    kind: value('kind'), title: value('title'), description: value('description'),
    organisations: list('organisations'), themes: list('themes'), categories: list('categories'),
    audience: { text: value('audience.text'), roles: checked('audience.roles') },
    start, end: value('end'),
    location: Object.fromEntries(['venue', 'address', 'city', 'region', 'platform', 'joinUrl']
      .map((part) => [part, value(`location.${part}`)]).concat([['mode', checked('location.mode')[0] || '']])),
    programme: [...Array(count('programme'))].map((_, i) => ({
      start: slotTime(i, 'start'), end: slotTime(i, 'end'), title: value(`programme.${i}.title`),
      speaker: value(`programme.${i}.speaker`), description: value(`programme.${i}.description`),
      breakoutId: value(`programme.${i}.breakoutId`),
    })),
    breakouts: [...Array(count('breakouts'))].map((_, i) => ({
      id: value(`breakouts.${i}.id`) || null, title: value(`breakouts.${i}.title`),
      description: value(`breakouts.${i}.description`), capacity: value(`breakouts.${i}.capacity`),
    })),
    questions: [...Array(count('questions'))].map((_, i) => ({
      id: value(`questions.${i}.id`) || null, label: value(`questions.${i}.label`), type: value(`questions.${i}.type`),
      options: list(`questions.${i}.options`), required: form.elements[`questions.${i}.required`]?.checked || false,
    })),
    visibility: { level: checked('visibility.level')[0] || '', invitees: ids('visibility.invitees'), groups: checked('visibility.groups') },
    capacity: value('capacity'), registrationDeadline: value('registrationDeadline'),
    waitlist: { promotion: checked('waitlist.promotion')[0] || 'automatic', offerHours: value('waitlist.offerHours') },
    organisers: ids('organisers'), series: { id: value('series.id'), title: value('series.title') },
    followUpOf: value('followUpOf'), reportUrl: value('reportUrl'),
  };
}

const orNull = (v) => (v === '' || v === undefined ? null : v);
const number = (v) => (v === '' || v === null || v === undefined ? null : Number(v));

function request(m) {
  return {
    kind: orNull(m.kind), title: m.title, description: orNull(m.description),
    organisations: m.organisations, themes: m.themes, categories: m.categories,
    audience: { text: orNull(m.audience.text), roles: m.audience.roles },
    start: orNull(m.start), end: orNull(m.end),
    location: Object.fromEntries(Object.entries(m.location).map(([k, v]) => [k, orNull(v)])),
    programme: m.programme.map((slot) => ({ ...slot, start: orNull(slot.start), end: orNull(slot.end),
      speaker: orNull(slot.speaker), description: orNull(slot.description), breakoutId: orNull(slot.breakoutId) })),
    breakouts: m.breakouts.map((b) => ({ ...b, description: orNull(b.description), capacity: number(b.capacity) })),
    questions: m.questions.map((q) => ({ ...q, options: q.type === 'choice' ? q.options : [] })),
    visibility: { level: orNull(m.visibility.level), invitees: m.visibility.invitees, groups: m.visibility.groups },
    capacity: number(m.capacity), registrationDeadline: orNull(m.registrationDeadline),
    waitlist: { promotion: m.waitlist.promotion, offerHours: m.waitlist.promotion === 'offer' ? number(m.waitlist.offerHours) : null },
    organisers: m.organisers, series: m.series.id ? { id: m.series.id, title: orNull(m.series.title) } : null,
    followUpOf: orNull(m.followUpOf), reportUrl: orNull(m.reportUrl),
  };
}

async function save(submit) {
  submit.preventDefault();
  if (state.busy) return;
  const form = submit.target;
  state.model = read(form);
  state.busy = true;
  const button = form.querySelector('#save-event');
  button.disabled = true;
  const result = editing
    ? await call(apiPath(editing), { method: 'PUT', body: request(state.model) })
    : await call('/api/events/events', { method: 'POST', body: request(state.model) });
  state.busy = false;
  button.disabled = false;
  if (result.ok) {
    location.assign(eventPath(result.data.id));
    return;
  }
  showProblem(form, result.problem);
}

startPage({ load, render });
