// A member's page ("/leden/<id>"): what they show of themselves to the member looking.
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { loginLink, startPage } from '../layout.js';
import { backLink, message, pageRoot, problemText } from '../feedback.js';
import { avatar, workLine } from './common.js';

const id = decodeURIComponent(location.pathname.split('/')[2] || '');
const state = { session: { authenticated: false }, member: null, problem: null };

async function load(session) {
  state.session = session;
  if (!session.authenticated) return;
  const found = await call(`/api/membership/members/${encodeURIComponent(id)}`);
  state.member = found.ok ? found.data : null;
  state.problem = found.ok ? null : found.problem;
}

function render() {
  const member = state.member;
  const root = pageRoot(member ? member.displayName : t('memberTitle'));
  const back = backLink('/leden', t('backToDirectory'));
  if (!state.session.authenticated) {
    show(root, back, h('h1', {}, t('memberTitle')), h('p', {}, t('loginForDirectory')), loginLink(t('login')));
    return;
  }
  if (!member) {
    show(root, back, h('h1', {}, t('memberTitle')), message(problemText(state.problem), 'error'));
    return;
  }
  const facts = [];
  if (member.organisation) {
    facts.push(h('dt', {}, t('profileOrgKind')), h('dd', {}, t(`orgkind.${member.organisation.kind}`)));
  }
  if (member.sectors.length) {
    facts.push(h('dt', {}, t('profileSectors')), h('dd', {}, h('ul', { class: 'tags' }, member.sectors.map((s) => h('li', {}, t(`sector.${s}`))))));
  }
  if (member.themes.length) {
    facts.push(h('dt', {}, t('profileThemes')), h('dd', {}, h('ul', { class: 'tags' }, member.themes.map((s) => h('li', {}, t(`theme.${s}`))))));
  }
  if (member.email) {
    facts.push(h('dt', {}, t('profileEmail')), h('dd', {}, h('a', { href: `mailto:${member.email}` }, member.email)));
  }
  const nothing = !workLine(member) && !facts.length && !member.bio;
  show(root, back,
    h('div', { class: 'member-profile' },
      avatar(member, 'large'),
      h('div', {},
        h('h1', {}, member.displayName),
        workLine(member) ? h('p', { class: 'lead' }, workLine(member)) : null)),
    member.bio ? h('section', { 'aria-labelledby': 'bio-heading' }, h('h2', { id: 'bio-heading' }, t('profileBio')),
      h('p', { class: 'bio' }, member.bio)) : null,
    facts.length ? h('dl', { class: 'facts' }, facts) : null,
    nothing ? h('p', {}, t('nothingShown')) : null);
}

startPage({ load, render });
