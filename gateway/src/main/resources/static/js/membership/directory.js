// The member directory ("/leden"): search by name, organisation, province, sector and theme, a
// page at a time. The search is in the address, so a result can be bookmarked and shared.
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { loginLink, startPage } from '../layout.js';
import { message, pageRoot, problemText } from '../feedback.js';
import { field } from '../forms.js';
import { apiQuery, pagination, queryFromAddress } from '../paging.js';
import { LIFELONG, memberCard, PILLARS, PROVINCES, SECTORS } from './common.js';

const SIZE = 20;
const query = queryFromAddress(['q', 'organisation', 'region', 'sector', 'theme']);
const state = { session: { authenticated: false }, result: null, problem: null };

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  const found = await call(`/api/membership/members?${apiQuery(query, SIZE)}`);
  state.result = found.ok ? found.data : null;
  state.problem = found.ok ? null : found.problem;
}

function select(name, options, label) {
  return h('select', { name },
    h('option', { value: '' }, t('searchAll')),
    options.map((value) => h('option', { value, selected: query[name] === value }, t(`${label}.${value}`))));
}

function searchForm() {
  return h('form', { class: 'filters', method: 'get', action: '/leden', role: 'search' },
    field({ label: t('searchName'), name: 'q', control: h('input', { type: 'search', name: 'q', value: query.q, maxlength: 80 }) }),
    field({ label: t('searchOrganisation'), name: 'organisation', control: h('input', { type: 'search', name: 'organisation', value: query.organisation, maxlength: 120 }) }),
    field({ label: t('profileRegion'), name: 'region', control: select('region', PROVINCES, 'province') }),
    field({ label: t('profileSectors'), name: 'sector', control: select('sector', SECTORS, 'sector') }),
    field({ label: t('profileThemes'), name: 'theme', control: select('theme', [...PILLARS, ...LIFELONG], 'theme') }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button' }, t('search')),
      h('a', { href: '/leden', class: 'button plain' }, t('searchReset'))));
}

function render() {
  const root = pageRoot(t('directoryTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('directoryTitle')), h('p', {}, t('loginForDirectory')), loginLink(t('login')));
    return;
  }
  const result = state.result;
  show(root,
    h('h1', {}, t('directoryTitle')),
    h('p', { class: 'lead' }, t('directoryLead')),
    searchForm(),
    state.problem ? message(problemText(state.problem), 'error') : null,
    result ? h('section', { 'aria-labelledby': 'results-heading' },
      h('h2', { id: 'results-heading', class: 'count' },
        result.total === 1 ? t('memberCountOne') : t('memberCount', { count: result.total })),
      result.items.length ? h('ul', { class: 'member-list', id: 'members' }, result.items.map((member) => memberCard(member, 'h3')))
        : h('p', {}, t('noMembers')),
      pagination(result)) : null);
}

startPage({ load, render });
