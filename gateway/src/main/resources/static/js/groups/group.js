// A group's page ("/groepen/<id>"): what it is about, where the member stands and what they can do
// (join, ask to join, accept an invitation, leave), who takes part; and for its moderators the
// requests to decide, invitations, and the members to take out or (the owner) to name moderator.
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { loginLink, startPage } from '../layout.js';
import { backLink, message, pageRoot, problemText, showProblem } from '../feedback.js';
import { clearErrors, errorSummary, field } from '../forms.js';
import { memberPath } from '../membership/common.js';
import './texts.js';

const id = decodeURIComponent(location.pathname.split('/')[2] || '');
const state = {
  session: { authenticated: false, roles: [] }, group: null, members: null, requests: null, found: null,
  problem: null, notice: null,
};

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  const group = await call(`/api/membership/groups/${encodeURIComponent(id)}`);
  state.group = group.ok ? group.data : null;
  state.problem = group.ok ? null : group.problem;
  if (!group.ok) return;
  const g = group.data;
  const seesMembers = g.me.status === 'MEMBER' || g.kind === 'OPEN' || g.kind === 'LEDEN';
  const [members, requests] = await Promise.all([
    seesMembers ? call(`/api/membership/groups/${encodeURIComponent(id)}/members?size=100`) : null,
    g.mayModerate ? call(`/api/membership/groups/${encodeURIComponent(id)}/requests?size=100`) : null]);
  state.members = members?.ok ? members.data : null;
  state.requests = requests?.ok ? requests.data : null;
}

function notice() {
  return h('div', { id: 'notice', tabindex: '-1' }, state.notice ? message(state.notice.text, state.notice.kind) : null);
}

/** Where the member stands, and the buttons and form that go with it. */
function standing(group) {
  const me = group.me;
  const parts = [];
  if (me.status === 'MEMBER') parts.push(h('p', {}, t('youAreIn', { role: t(`role.${me.role}`).toLowerCase() })));
  if (me.status === 'REQUESTED') parts.push(message(t('youRequested'), 'info'));
  if (me.status === 'INVITED') parts.push(message(t('youAreInvited', { name: me.invitedBy || '' }), 'info'));
  if (me.status === 'REJECTED') parts.push(message(t('youWereRejected', { reason: me.reason || '' }), 'error'));
  const lid = state.session.roles.includes('lid');
  if (group.kind === 'LEDEN' && !lid && me.status !== 'MEMBER') {
    parts.push(h('p', {}, t('ledenOnlyNote'), ' ', h('a', { href: '/lid-worden' }, t('ledenOnlyLink'))));
  }
  const buttons = [];
  if (group.mayJoin && (group.kind !== 'LEDEN' || lid || me.status === 'INVITED')) {
    buttons.push(h('button', { type: 'button', class: 'button', id: 'join', onclick: () => join(null) },
      t(me.status === 'INVITED' ? 'acceptInvitation' : 'joinGroup')));
  }
  if (group.mayLeave) {
    const key = me.status === 'REQUESTED' ? 'withdrawRequest' : (me.status === 'INVITED' ? 'declineInvitation' : 'leaveGroup');
    buttons.push(h('button', { type: 'button', class: 'button secondary', id: 'leave', onclick: () => leave(me.status) }, t(key)));
  }
  if (buttons.length) parts.push(h('div', { class: 'actions' }, buttons));
  if (group.mayRequest) {
    parts.push(h('form', { id: 'request-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); join(event.target); } },
      errorSummary(),
      field({
        label: t('requestMessage'), name: 'message', hint: t('requestMessageHint'), wide: true,
        control: h('textarea', { name: 'message', rows: 3, maxlength: 500 }),
      }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('requestAccess')))));
  }
  return h('div', { id: 'standing', 'data-status': me.status }, parts);
}

function memberItem(member, group) {
  const owner = group.mayNameModerators;
  const actions = [];
  if (group.mayModerate && member.role !== 'OWNER' && (member.role !== 'MODERATOR' || owner)) {
    actions.push(h('button', { type: 'button', class: 'button plain', onclick: () => remove(member) }, t('removeMember')));
  }
  if (owner && member.role !== 'OWNER') {
    const next = member.role === 'MODERATOR' ? 'MEMBER' : 'MODERATOR';
    actions.push(h('button', { type: 'button', class: 'button plain', onclick: () => changeRole(member, next) },
      t(next === 'MODERATOR' ? 'makeModerator' : 'makeMember')));
  }
  return h('li', { 'data-member-id': member.memberId },
    h('a', { href: memberPath(member.memberId) }, member.name), ` — ${t(`role.${member.role}`)}`,
    actions.length ? h('span', { class: 'actions inline' }, actions) : null);
}

function membersSection(group) {
  return h('section', { 'aria-labelledby': 'members-heading' },
    h('h2', { id: 'members-heading' }, t('groupMembers')),
    state.members ? h('ul', { class: 'group-members', id: 'group-members' }, state.members.items.map((m) => memberItem(m, group)))
      : h('p', {}, t('groupMembersHidden')));
}

function requestCard(request) {
  const headingId = `request-${request.memberId}`;
  if (request.status === 'INVITED') {
    return h('li', { class: 'card', 'data-member-id': request.memberId }, t('invitedMember', { name: request.name }));
  }
  return h('li', { class: 'card group-request', 'data-member-id': request.memberId, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, t('requestFrom', { name: request.name })),
    request.message ? h('p', { class: 'bio' }, request.message) : null,
    h('form', { class: 'decision-form', novalidate: true, onsubmit: (event) => decide(event, request) },
      errorSummary(),
      field({ label: t('rejectReason'), name: 'reason', wide: true, control: h('textarea', { name: 'reason', rows: 2, maxlength: 500 }) }),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'button', value: 'approval' }, t('approveRequest')),
        h('button', { type: 'submit', class: 'button secondary', value: 'rejection' }, t('rejectRequest')))));
}

function moderation() {
  const items = state.requests ? state.requests.items : [];
  return h('section', { 'aria-labelledby': 'moderation-heading' },
    h('h2', { id: 'moderation-heading' }, t('moderation')),
    items.length ? h('ul', { class: 'cards group-requests', id: 'group-requests' }, items.map(requestCard)) : h('p', {}, t('requestsNone')),
    h('h3', {}, t('inviteTitle')),
    h('form', { id: 'invite-search', role: 'search', novalidate: true, onsubmit: search },
      field({ label: t('inviteSearch'), name: 'q', control: h('input', { type: 'search', name: 'q', maxlength: 80 }) }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button secondary' }, t('searchMembers')))),
    state.found ? (state.found.length ? h('ul', { id: 'invite-results' }, state.found.map((member) => h('li', { 'data-member-id': member.id },
      member.displayName, ' ',
      h('button', { type: 'button', class: 'button plain', onclick: () => invite(member) }, t('inviteButton')))))
      : h('p', { role: 'status' }, t('inviteNone'))) : null,
    editForm(state.group));
}

/** For its owner and moderators: another name or description (the kind stays). */
function editForm(group) {
  return [h('h3', {}, t('editGroup')), h('p', {}, t('editGroupLead')),
    h('form', { id: 'group-edit', novalidate: true, onsubmit: save },
      errorSummary(),
      field({ label: t('groupName'), name: 'name', required: true,
        control: h('input', { type: 'text', name: 'name', maxlength: 80, value: group.name }) }),
      field({
        label: t('groupDescription'), name: 'description', hint: t('groupDescriptionHint'), wide: true,
        control: h('textarea', { name: 'description', rows: 4, maxlength: 1000 }, group.description || ''),
      }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('saveGroup'))))];
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const data = new FormData(form);
  const result = await call(`/api/membership/groups/${encodeURIComponent(id)}`, {
    method: 'PUT', body: { name: data.get('name'), description: data.get('description') || null },
  });
  await after(result, form, t('groupSavedNotice'));
}

function render() {
  const root = pageRoot(state.group?.name || t('groupsTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('groupsTitle')), h('p', {}, t('loginForGroups')), loginLink(t('login')));
    return;
  }
  if (!state.group) {
    show(root, backLink('/groepen', t('groupsTitle')), h('h1', {}, t('groupsTitle')), message(problemText(state.problem), 'error'));
    return;
  }
  const group = state.group;
  show(root,
    backLink('/groepen', t('groupsTitle')),
    h('h1', {}, group.name),
    h('p', { class: 'meta' }, [t(`kind.${group.kind}`), group.memberCount === 1 ? t('memberCountShortOne')
      : t('memberCountShort', { count: group.memberCount }), t('groupOwner', { name: group.owner })].join(' · ')),
    group.description ? h('p', { class: 'lead' }, group.description) : null,
    notice(),
    standing(group),
    membersSection(group),
    group.mayModerate ? moderation() : null);
}

async function after(result, form, text) {
  if (!result.ok) {
    if (form) showProblem(form, result.problem);
    else state.notice = { text: problemText(result.problem), kind: 'error' };
    if (!form) { render(); document.getElementById('notice').focus(); }
    return;
  }
  state.notice = { text, kind: 'success' };
  await load(state.session);
  render();
  document.getElementById('notice').focus();
}

async function join(form) {
  if (form) clearErrors(form);
  const body = form ? { message: new FormData(form).get('message') || null } : undefined;
  const result = await call(`/api/membership/groups/${encodeURIComponent(id)}/membership`, { method: 'POST', body });
  await after(result, form, t(result.ok && result.data.status === 'REQUESTED' ? 'requestedNotice' : 'joinedNotice'));
}

async function leave(status) {
  const result = await call(`/api/membership/groups/${encodeURIComponent(id)}/membership`, { method: 'DELETE' });
  await after(result, null, t(status === 'REQUESTED' ? 'withdrawnNotice' : (status === 'INVITED' ? 'declinedNotice' : 'leftNotice')));
}

async function decide(event, request) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const decision = event.submitter?.value === 'rejection' ? 'rejection' : 'approval';
  const reason = new FormData(form).get('reason');
  const result = await call(`/api/membership/groups/${encodeURIComponent(id)}/requests/${encodeURIComponent(request.memberId)}/${decision}`, {
    method: 'POST', body: decision === 'rejection' ? { reason: reason || null } : undefined,
  });
  await after(result, form, t(decision === 'rejection' ? 'rejectedGroupNotice' : 'approvedNotice', { name: request.name }));
}

async function search(event) {
  event.preventDefault();
  const q = new FormData(event.target).get('q');
  const found = await call(`/api/membership/members?${new URLSearchParams({ q: q || '', size: 10 })}`);
  state.found = found.ok ? found.data.items : [];
  render();
  document.getElementById('invite-results')?.querySelector('button')?.focus();
}

async function invite(member) {
  const result = await call(`/api/membership/groups/${encodeURIComponent(id)}/invitations`, { method: 'POST', body: { memberId: member.id } });
  state.found = null;
  await after(result, null, t('invitedNotice', { name: member.displayName }));
}

async function remove(member) {
  const result = await call(`/api/membership/groups/${encodeURIComponent(id)}/members/${encodeURIComponent(member.memberId)}`, { method: 'DELETE' });
  await after(result, null, t('removedNotice', { name: member.name }));
}

async function changeRole(member, role) {
  const result = await call(`/api/membership/groups/${encodeURIComponent(id)}/members/${encodeURIComponent(member.memberId)}/role`, {
    method: 'PUT', body: { role },
  });
  await after(result, null, t('roleNotice', { name: member.name, role: t(`role.${role}`).toLowerCase() }));
}

startPage({ load, render, sessionChanged: load });
