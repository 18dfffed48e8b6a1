// The texts of "Bel mij terug" and its queue: Dutch first, English second.
import { addTexts } from '../i18n.js';

addTexts({
  nl: {
    callbackTitle: 'Bel mij terug',
    callbackLead: 'Liever even bellen? Laat je naam en telefoonnummer achter en zeg wanneer het je uitkomt. Iemand van de vereniging belt je op een werkdag terug.',
    callbackName: 'Je naam', callbackPhone: 'Telefoonnummer', callbackPhoneHint: 'Bijvoorbeeld 06 12345678, 030 123 4567 of +49 30 1234567.',
    callbackMoment: 'Wanneer komt het je uit?', callbackTopic: 'Waar wil je het over hebben?', callbackTopicHint: 'Hooguit 500 tekens.',
    callbackSend: 'Bel mij terug', callbackSent: 'Dank je wel. We bellen je terug op {phone}, {moment}.',
    callbackPrivacy: 'We gebruiken je naam en nummer alleen om je terug te bellen. 90 dagen nadat we je gesproken hebben, verwijderen we ze.',
    callbackAnother: 'Nog een verzoek doen',
    'moment.OCHTEND': "'s ochtends (9.00–12.00 uur)", 'moment.MIDDAG': "'s middags (12.00–16.00 uur)",
    'moment.EINDE_MIDDAG': 'aan het eind van de middag (16.00–18.00 uur)', 'moment.MAAKT_NIET_UIT': 'het maakt me niet uit',
    'field.invalid-phone': 'Dit is geen telefoonnummer. Schrijf het als 06 12345678, of internationaal als +49 30 1234567.',
    // the queue
    queueTitle: 'Terugbelverzoeken',
    queueOpen: 'Open', queueClosed: 'Afgehandeld', queueNone: 'Er zijn geen terugbelverzoeken.',
    queueAsked: 'Gevraagd op {date}', queueAskedByMember: 'ingelogd lid', queueHandledBy: 'Opgepakt door {name}',
    queueClosedOn: 'Afgehandeld op {date} door {name}; verwijderd na {deleteAfter}.',
    queueClaim: 'Ik bel', queueNote: 'Notitie', queueAddNote: 'Notitie toevoegen', queueClose: 'Afhandelen',
    queueClaimed: 'Je hebt het verzoek van {name} opgepakt.', queueNoted: 'Je notitie is bewaard.', queueClosedNotice: 'Het verzoek van {name} is afgehandeld.',
    queueCall: 'Bel {phone}',
    'cbstatus.OPEN': 'Nog niet opgepakt', 'cbstatus.CLAIMED': 'Opgepakt', 'cbstatus.CLOSED': 'Afgehandeld',
    'problem.callback-closed': 'Dit verzoek is al afgehandeld.', 'problem.too-many-notes': 'Dit verzoek heeft al 50 notities.',
  },
  en: {
    callbackTitle: 'Call me back',
    callbackLead: 'Rather talk on the phone? Leave your name and phone number and say when it suits you. Someone from the association calls you back on a working day.',
    callbackName: 'Your name', callbackPhone: 'Phone number', callbackPhoneHint: 'For example 06 12345678, 030 123 4567 or +49 30 1234567.',
    callbackMoment: 'When does it suit you?', callbackTopic: 'What would you like to talk about?', callbackTopicHint: 'At most 500 characters.',
    callbackSend: 'Call me back', callbackSent: 'Thank you. We will call you back on {phone}, {moment}.',
    callbackPrivacy: 'We use your name and number only to call you back. We delete them 90 days after we have spoken to you.',
    callbackAnother: 'Make another request',
    'moment.OCHTEND': 'in the morning (9:00–12:00)', 'moment.MIDDAG': 'in the afternoon (12:00–16:00)',
    'moment.EINDE_MIDDAG': 'late in the afternoon (16:00–18:00)', 'moment.MAAKT_NIET_UIT': 'any time',
    'field.invalid-phone': 'This is not a phone number. Write it as 06 12345678, or internationally as +49 30 1234567.',
    queueTitle: 'Callback requests',
    queueOpen: 'Open', queueClosed: 'Handled', queueNone: 'There are no callback requests.',
    queueAsked: 'Asked on {date}', queueAskedByMember: 'signed-in member', queueHandledBy: 'Taken on by {name}',
    queueClosedOn: 'Handled on {date} by {name}; deleted after {deleteAfter}.',
    queueClaim: "I'll call", queueNote: 'Note', queueAddNote: 'Add note', queueClose: 'Mark as handled',
    queueClaimed: 'You have taken on the request of {name}.', queueNoted: 'Your note has been saved.', queueClosedNotice: 'The request of {name} has been handled.',
    queueCall: 'Call {phone}',
    'cbstatus.OPEN': 'Not taken on yet', 'cbstatus.CLAIMED': 'Taken on', 'cbstatus.CLOSED': 'Handled',
    'problem.callback-closed': 'This request has already been handled.', 'problem.too-many-notes': 'This request already has 50 notes.',
  },
});

export const MOMENTS = ['OCHTEND', 'MIDDAG', 'EINDE_MIDDAG', 'MAAKT_NIET_UIT'];
