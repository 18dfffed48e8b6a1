// The agenda: upcoming events as a list or as a month, filtered by kind, theme and region, each
// showing how full it is. The service answers only with what this visitor may see.
import { call } from '../api.js';
import { format, t } from '../i18n.js';
import { h, show, uid } from '../dom.js';
import { startPage } from '../layout.js';
import {
  capitalise, eventCard, eventPath, KINDS, message, occupancy, pageRoot, problemText, statusBadge,
} from './common.js';

const FILTERS = ['kind', 'theme', 'region'];
const state = { query: readQuery(), agenda: null, problem: null };

function readQuery() {
  const params = new URLSearchParams(location.search);
  const month = /^\d{4}-\d{2}$/.test(params.get('maand') || '') ? params.get('maand') : thisMonth();
  return {
    view: params.get('weergave') === 'maand' ? 'month' : 'list', month,
    kind: params.get('soort') || '', theme: params.get('thema') || '', region: params.get('regio') || '',
  };
}

const PARAMS = { kind: 'soort', theme: 'thema', region: 'regio' };

function writeQuery() {
  const params = new URLSearchParams();
  if (state.query.view === 'month') {
    params.set('weergave', 'maand');
    params.set('maand', state.query.month);
  }
  for (const filter of FILTERS) if (state.query[filter]) params.set(PARAMS[filter], state.query[filter]);
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

function thisMonth() {
  return todayIso().slice(0, 7);
}

function todayIso() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

function monthBounds(month) {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { year, number, last, from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function shiftMonth(month, delta) {
  const [year, number] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, number - 1 + delta, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function load() {
  const params = new URLSearchParams();
  if (state.query.view === 'month') {
    const { from, to } = monthBounds(state.query.month);
    params.set('from', from);
    params.set('to', to);
  }
  for (const filter of FILTERS) if (state.query[filter]) params.set(filter, state.query[filter]);
  const result = await call(`/api/events/agenda?${params}`);
  state.agenda = result.ok ? result.data : null;
  state.problem = result.ok ? null : result.problem;
}

async function reload(focusTarget) {
  writeQuery();
  await load();
  render();
  if (focusTarget) document.getElementById(focusTarget)?.focus();
}

function render() {
  show(pageRoot(t('agendaTitle')),
    h('h1', {}, t('agendaTitle')),
    h('p', { class: 'lead' }, t('agendaLead')),
    filterForm(),
    viewSwitch(),
    state.problem ? message(problemText(state.problem), 'error') : null,
    state.agenda ? (state.query.view === 'month' ? monthView() : listView()) : null);
}

function filterForm() {
  const agenda = state.agenda || { themes: [], regions: [] };
  const options = {
    kind: KINDS.map((kind) => [kind, t(`kind.${kind}`)]), // every kind, so a visitor learns what there is
    theme: agenda.themes.map((theme) => [theme, theme]),
    region: agenda.regions.map((region) => [region, region]),
  };
  const labels = { kind: 'filterKind', theme: 'filterTheme', region: 'filterRegion' };
  const fields = FILTERS.map((filter) => {
    const id = `filter-${filter}`;
    const chosen = state.query[filter];
    const values = options[filter].some(([value]) => value === chosen) || !chosen
      ? options[filter] : [[chosen, filter === 'kind' ? t(`kind.${chosen}`) : chosen], ...options[filter]];
    return h('div', { class: 'field' },
      h('label', { for: id }, t(labels[filter])),
      h('select', { id, name: filter },
        h('option', { value: '' }, t('filterAll')),
        values.map(([value, label]) => h('option', { value, selected: value === chosen }, label))));
  });
  const anyFilter = FILTERS.some((filter) => state.query[filter]);
  return h('form', {
    class: 'filters', role: 'search', 'aria-label': t('filters'),
    onsubmit: (event) => {
      event.preventDefault();
      for (const filter of FILTERS) state.query[filter] = event.target.elements[filter].value;
      reload('results-heading');
    },
  }, fields,
  h('div', { class: 'filter-actions' },
    h('button', { type: 'submit', class: 'button' }, t('filterApply')),
    anyFilter ? h('button', {
      type: 'button', class: 'button plain',
      onclick: () => { FILTERS.forEach((filter) => { state.query[filter] = ''; }); reload('results-heading'); },
    }, t('filterReset')) : null));
}

function viewSwitch() {
  const button = (view, key) => h('button', {
    type: 'button', class: 'toggle', 'aria-pressed': String(state.query.view === view), id: `view-${view}`,
    onclick: () => { state.query.view = view; reload(`view-${view}`); },
  }, t(key));
  return h('div', { class: 'view-switch', role: 'group', 'aria-label': t('viewAs') },
    button('list', 'viewList'), button('month', 'viewMonth'));
}

function countLine(items) {
  return items.length === 1 ? t('eventCountOne') : t('eventCount', { count: items.length });
}

function listView() {
  const { items } = state.agenda;
  const heading = h('h2', { id: 'results-heading', tabindex: '-1', class: 'visually-hidden-focusable' },
    countLine(items));
  if (!items.length) return h('section', { 'aria-labelledby': 'results-heading' }, heading, h('p', {}, t('noEvents')));
  const months = new Map();
  for (const item of items) {
    const month = capitalise(format(item.start, 'month'));
    if (!months.has(month)) months.set(month, []);
    months.get(month).push(item);
  }
  return h('section', { class: 'agenda-list', 'aria-labelledby': 'results-heading' }, heading,
    [...months].map(([month, monthItems]) => {
      const id = uid('month');
      return h('section', { 'aria-labelledby': id },
        h('h3', { id, class: 'month-heading' }, month),
        h('ul', { class: 'event-list' }, monthItems.map((item) => eventCard(item))));
    }));
}

function monthView() {
  const { items } = state.agenda;
  const { year, number, last } = monthBounds(state.query.month);
  const title = capitalise(format(`${state.query.month}-15T12:00:00Z`, 'month'));
  const byDay = new Map();
  for (const item of items) {
    const day = Number(format(item.start, 'dayNumber'));
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(item);
  }
  const firstWeekday = (new Date(Date.UTC(year, number - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells = [];
  for (let i = 0; i < firstWeekday; i++) cells.push(null);
  for (let day = 1; day <= last; day++) cells.push(day);
  while (cells.length % 7) cells.push(null);
  const weekdays = t('weekday.short').split(' ');
  const longWeekdays = [...Array(7)].map((_, i) => format(new Date(Date.UTC(2024, 0, 1 + i, 12)).toISOString(), 'day').split(' ')[0]);
  const rows = [];
  for (let week = 0; week < cells.length / 7; week++) {
    rows.push(h('tr', {}, cells.slice(week * 7, week * 7 + 7).map((day, i) => {
      if (!day) return h('td', { class: 'empty' });
      const events = byDay.get(day) || [];
      const today = `${state.query.month}-${String(day).padStart(2, '0')}` === todayIso();
      return h('td', { class: `${events.length ? 'has-events' : 'no-events'}${today ? ' today' : ''}`, 'aria-current': today ? 'date' : null },
        h('span', { class: 'day-number' }, h('span', { class: 'visually-hidden' }, `${longWeekdays[i]} `), String(day)),
        events.length ? h('ul', {}, events.map((item) => h('li', { 'data-event-id': item.id },
          h('a', { href: eventPath(item.id) },
            h('span', { class: 'time' }, format(item.start, 'time')), ' ', item.title),
          item.status === 'published' ? occupancy(item) : statusBadge(item.status)))) : null);
    })));
  }
  return h('section', { class: 'month-view', 'aria-labelledby': 'results-heading' },
    h('div', { class: 'month-nav' },
      h('button', { type: 'button', class: 'button plain', id: 'month-previous',
        onclick: () => { state.query.month = shiftMonth(state.query.month, -1); reload('month-previous'); } },
      h('span', { 'aria-hidden': 'true' }, '‹\u00a0'), t('previousMonth')),
      h('h2', { id: 'results-heading', tabindex: '-1', 'aria-live': 'polite' }, title,
        h('span', { class: 'count' }, ` · ${countLine(items)}`)),
      h('button', { type: 'button', class: 'button plain', id: 'month-next',
        onclick: () => { state.query.month = shiftMonth(state.query.month, 1); reload('month-next'); } },
      t('nextMonth'), h('span', { 'aria-hidden': 'true' }, '\u00a0›'))),
    h('table', { class: 'month' },
      h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, weekdays.map((day, i) => h('th', { scope: 'col', abbr: longWeekdays[i] }, day)))),
      h('tbody', {}, rows)),
    items.length ? null : h('p', {}, t('noEvents')));
}

startPage({ load, render });
