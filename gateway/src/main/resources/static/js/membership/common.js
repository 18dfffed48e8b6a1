// What the membership pages share: the choices a profile is made of, and a member's card.
import './texts.js';
import { t } from '../i18n.js';
import { h } from '../dom.js';

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
