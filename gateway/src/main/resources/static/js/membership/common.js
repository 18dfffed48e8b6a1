// What the membership pages share: the choices a profile is made of, and a member's card.
import './texts.js';
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { loginLink } from '../layout.js';
import { message, problemText } from '../feedback.js';

export const FUNCTIONS = ['DOCENT', 'INSTRUCTEUR', 'PRAKTIJKOPLEIDER', 'ONDERWIJSONDERSTEUNER', 'TEAMLEIDER', 'BESTUURDER', 'ANDERS'];
export const ORGANISATION_KINDS = ['SCHOOL', 'BEDRIJFSOPLEIDING', 'ANDERS'];
export const PROVINCES = ['GRONINGEN', 'FRIESLAND', 'DRENTHE', 'OVERIJSSEL', 'FLEVOLAND', 'GELDERLAND', 'UTRECHT',
  'NOORD_HOLLAND', 'ZUID_HOLLAND', 'ZEELAND', 'NOORD_BRABANT', 'LIMBURG'];
export const SECTORS = ['AMBACHT_LABORATORIUM_GEZONDHEIDSTECHNIEK', 'HANDEL', 'ICT_CREATIEVE_INDUSTRIE',
  'MOBILITEIT_TRANSPORT_LOGISTIEK_MARITIEM', 'SPECIALISTISCH_VAKMANSCHAP', 'TECHNIEK_GEBOUWDE_OMGEVING',
  'VOEDSEL_GROEN_GASTVRIJHEID', 'ZAKELIJKE_DIENSTVERLENING_VEILIGHEID', 'ZORG_WELZIJN_SPORT'];
export const PILLARS = ['VAKMANSCHAP', 'KENNIS_DELEN', 'REGIE_NEMEN', 'JE_STEM_GEBRUIKEN'];
export const LIFELONG = ['VISIE_EN_STRATEGIE', 'OPHALEN_VAN_DE_VRAAG', 'SAMENWERKING', 'INRICHTING_VAN_HET_ONDERWIJS'];
export const SHOWN = ['MEMBERS', 'LEDEN', 'ONLY_ME'];

export function memberPath(id) {
  return `/leden/${encodeURIComponent(id)}`;
}

/** The photo, or the member's initials in its place (decorative: the name is next to it). */
export function avatar(member, size = 'small') {
  if (member.photoUrl) {
    return h('img', { class: `avatar ${size}`, src: member.photoUrl, alt: size === 'large' ? t('photoOf', { name: member.displayName }) : '' });
  }
  const initials = (member.displayName || '?').split(/\s+/).filter(Boolean).map((part) => part[0]).slice(0, 2).join('').toUpperCase();
  return h('span', { class: `avatar ${size} initials`, 'aria-hidden': 'true' }, initials);
}

/** "Docent · ROC Midden · Utrecht": what a member shows of their work, in one line. */
export function workLine(member) {
  return [member.function ? t(`function.${member.function}`) : null, member.organisation?.name,
    member.region ? t(`province.${member.region}`) : null].filter(Boolean).join(' · ');
}

/** A member in the directory: photo, name (a link to their page, under the given heading) and work. */
export function memberCard(member, heading = 'h2') {
  return h('li', { class: 'member-card', 'data-member-id': member.id },
    avatar(member),
    h('div', { class: 'member-card-body' },
      h(heading, { class: 'member-name-heading' }, h('a', { href: memberPath(member.id) }, member.displayName)),
      workLine(member) ? h('p', { class: 'meta' }, workLine(member)) : null));
}

/** What happened to a membership, newest first: when, what, by whom, why. */
export function history(entries) {
  return h('ol', { class: 'history', reversed: true }, [...entries].reverse().map((entry) => h('li', { class: 'history-entry', 'data-kind': entry.kind },
    h('time', { datetime: entry.at }, new Date(entry.at).toLocaleString(document.documentElement.lang || 'nl', { dateStyle: 'long', timeStyle: 'short' })),
    ' ', h('span', { class: 'history-kind' }, t(`history.${entry.kind}`)),
    entry.by ? h('span', { class: 'meta' }, ` — ${t('historyBy', { name: entry.by })}`) : null,
    entry.reason ? h('p', { class: 'history-reason' }, entry.reason) : null)));
}

/** The status of a membership in words. */
export function statusText(status) {
  return t(`status.${status}`);
}

/** The beheerder's pages, side by side above each of them. */
export function adminNav(here) {
  const pages = [['/beheer/aanvragen', 'adminApplications'], ['/beheer/leden', 'adminMembers'], ['/beheer/terugbelverzoeken', 'adminCallbacks']];
  return h('nav', { class: 'sub-nav', 'aria-label': t('adminNav') }, h('ul', {}, pages.map(([href, key]) => h('li', {},
    h('a', { href, 'aria-current': href === here ? 'page' : null }, t(key))))));
}

/**
 * What a beheerder's page shows instead of its content: a way to sign in, "not for your role", or
 * why it could not be loaded. True when it showed one of them.
 */
export function adminPageRefused(root, title, session, loaded, problem) {
  if (!session.authenticated) show(root, h('h1', {}, title), loginLink(t('login')));
  else if (!session.roles.includes('beheerder')) show(root, h('h1', {}, title), message(t('problem.forbidden'), 'error'));
  else if (!loaded) show(root, h('h1', {}, title), message(problemText(problem), 'error'));
  else return false;
  return true;
}
