// "Groepen": the groups a member is in (or asked or was invited to), all groups they may see, with a
// search by name and kind, and a form to make a new one. The search is in the address.
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { EDITORS, loginLink, startPage } from '../layout.js';
import { message, pageRoot, problemText, showProblem } from '../feedback.js';
import { choices, clearErrors, errorSummary, field } from '../forms.js';
import { apiQuery, pagination, queryFromAddress } from '../paging.js';
import { groupPath, KINDS } from './texts.js';

const SIZE = 20;
const query = queryFromAddress(['q', 'kind']);
const state = { session: { authenticated: false, roles: [] }, groups: null, mine: null, problem: null };

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  const [groups, mine] = await Promise.all([call(`/api/membership/groups?${apiQuery(query, SIZE)}`), call('/api/membership/members/me/groups')]);
  state.groups = groups.ok ? groups.data : null;
  state.mine = mine.ok ? mine.data : null;
  state.problem = groups.ok ? (mine.ok ? null : mine.problem) : groups.problem;
}

function count(group) {
  return group.memberCount === 1 ? t('memberCountShortOne') : t('memberCountShort', { count: group.memberCount });
}

/** A group in a list: its name (a link), kind, how many take part, and where the member stands. */
function groupCard(group) {
  const standing = group.me.status === 'MEMBER' ? t(`role.${group.me.role}`)
    : (group.me.status !== 'NONE' && group.me.status !== 'GONE' ? t(`standing.${group.me.status}`) : null);
  return h('li', { class: 'card group-card', 'data-group-id': group.id },
    h('h3', {}, h('a', { href: groupPath(group.id) }, group.name)),
    h('p', { class: 'meta' }, [t(`kind.${group.kind}`), count(group), standing].filter(Boolean).join(' · ')),
    group.description ? h('p', {}, group.description) : null);
}

function searchForm() {
  return h('form', { class: 'filters', method: 'get', action: '/groepen', role: 'search' },
    field({ label: t('groupSearch'), name: 'q', control: h('input', { type: 'search', name: 'q', value: query.q, maxlength: 80 }) }),
    field({
      label: t('groupKind'), name: 'kind', control: h('select', { name: 'kind' },
        h('option', { value: '' }, t('searchAll')),
        KINDS.map((kind) => h('option', { value: kind, selected: query.kind === kind }, t(`kind.${kind}`)))),
    }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button' }, t('search')),
      h('a', { href: '/groepen', class: 'button plain' }, t('searchReset'))));
}

function createForm() {
  const editor = state.session.roles.some((role) => EDITORS.includes(role));
  const kinds = editor ? KINDS : ['OPEN', 'CLOSED'];
  return h('form', { id: 'group-form', novalidate: true, onsubmit: create },
    errorSummary(),
    field({ label: t('groupName'), name: 'name', required: true, control: h('input', { type: 'text', name: 'name', maxlength: 80 }) }),
    field({
      label: t('groupDescription'), name: 'description', hint: t('groupDescriptionHint'), wide: true,
      control: h('textarea', { name: 'description', rows: 4, maxlength: 1000 }),
    }),
    choices({
      legend: t('groupKind'), name: 'kind', required: true, chosen: ['OPEN'],
      options: kinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`), note: t(`kindHint.${kind}`) })),
    }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('createGroup'))));
}

function render() {
  const root = pageRoot(t('groupsTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('groupsTitle')), h('p', { class: 'lead' }, t('groupsLead')), h('p', {}, t('loginForGroups')), loginLink(t('login')));
    return;
  }
  const result = state.groups;
  const mine = (state.mine || []).filter((group) => group.me.status !== 'GONE');
  show(root,
    h('h1', {}, t('groupsTitle')),
    h('p', { class: 'lead' }, t('groupsLead')),
    state.problem ? message(problemText(state.problem), 'error') : null,
    state.mine ? h('section', { 'aria-labelledby': 'mine-heading' },
      h('h2', { id: 'mine-heading' }, t('myGroups')),
      mine.length ? h('ul', { class: 'cards groups', id: 'my-groups' }, mine.map(groupCard)) : h('p', {}, t('myGroupsNone'))) : null,
    result ? h('section', { 'aria-labelledby': 'all-heading' },
      h('h2', { id: 'all-heading' }, t('allGroups')),
      searchForm(),
      h('p', { class: 'count', role: 'status' }, result.total === 1 ? t('groupCountOne') : t('groupCount', { count: result.total })),
      result.items.length ? h('ul', { class: 'cards groups', id: 'groups' }, result.items.map(groupCard)) : h('p', {}, t('groupsNone')),
      pagination(result)) : null,
    h('section', { 'aria-labelledby': 'new-heading' },
      h('h2', { id: 'new-heading' }, t('newGroup')), h('p', {}, t('newGroupLead')), createForm()));
}

async function create(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const data = new FormData(form);
  const result = await call('/api/membership/groups', {
    method: 'POST', body: { name: data.get('name'), description: data.get('description') || null, kind: data.get('kind') },
  });
  if (!result.ok) {
    showProblem(form, result.problem);
    return;
  }
  location.assign(groupPath(result.data.id));
}

startPage({ load, render, sessionChanged: load });
