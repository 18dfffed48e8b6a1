// The site speaks Dutch first, English second. Texts live here, keyed by name; the page marks
// its elements with data-i18n="<key>" (text) or data-i18n-attr="<attribute>:<key>".
import { api } from './api.js';

const texts = {
  nl: {
    skip: 'Naar de inhoud',
    languageNav: 'Taal',
    login: 'Inloggen',
    logout: 'Uitloggen',
    heroTitle: 'Het netwerk van en voor mbo-opleiders',
    heroLead: 'Docenten, instructeurs en praktijkopleiders delen hier wat werkt, ontmoeten elkaar bij kennissessies en werkbezoeken, en laten samen hun stem horen.',
    welcome: 'Welkom, {name}',
    pillarsTitle: 'Waar we samen aan werken',
    upcomingTitle: 'Binnenkort',
    upcomingAll: 'Alles in de agenda',
    pillar1: 'Vakmanschap',
    pillar1Text: 'Wat maakt een mbo-opleider goed in het vak, en hoe houden we dat samen op peil?',
    pillar2: 'Kennis delen',
    pillar2Text: "Nieuws, blogs, handreikingen en antwoorden van collega's: leren van en met elkaar.",
    pillar3: 'Regie nemen',
    pillar3Text: 'Zelf richting geven aan je ontwikkeling en aan goed beroepsonderwijs in de regio.',
    pillar4: 'Je stem gebruiken',
    pillar4Text: 'Geef je mening in peilingen en stem als lid mee over wat de vereniging doet.',
    footer: 'MBO Connect is het platform van de beroepsvereniging van mbo-opleiders.',
    'role.vriend': 'Vriend',
    'role.lid': 'Lid',
    'role.redacteur': 'Redacteur',
    'role.beheerder': 'Beheerder',
    'role.partner': 'Partner',
    sessionExpired: 'Je sessie is verlopen. Log opnieuw in.',
    profileUnavailable: 'Je profiel kon nu niet worden geladen. Probeer het later opnieuw.',
    errorLabel: 'Fout',
    errorsOne: 'Er is 1 veld niet goed ingevuld.',
    errorsMany: 'Er zijn {count} velden niet goed ingevuld.',
    'error.home': 'Naar de startpagina',
    'error.agenda': 'Naar de agenda',
    'error.signIn': 'Opnieuw inloggen',
    'error.notFound.title': 'Deze pagina bestaat niet',
    'error.notFound.text': 'De pagina die je zoekt is er niet (meer). Misschien is het adres verkeerd getypt, of is de pagina verplaatst.',
    'error.forbidden.title': 'Hier heb je geen toegang toe',
    'error.forbidden.text': 'Deze pagina is er voor leden met een andere rol. Ben je met een ander account ingelogd? Ga dan terug en log opnieuw in.',
    'error.tooMany.title': 'Even rustig aan',
    'error.tooMany.text': 'Vanaf jouw adres kwamen veel verzoeken tegelijk binnen. Wacht een minuut en probeer het dan opnieuw.',
    'error.serverError.title': 'Er ging iets mis',
    'error.serverError.text': 'Aan onze kant ging iets mis. Wat je al had opgeslagen, blijft bewaard. Probeer het zo opnieuw.',
    'error.unavailable.title': 'Even niet beschikbaar',
    'error.unavailable.text': 'Dit deel van MBO Connect is even niet bereikbaar. Probeer het over een paar minuten opnieuw.',
    'error.formExpired.title': 'Dit formulier is verlopen',
    'error.formExpired.text': 'Je was een tijd weg of bent intussen uitgelogd, dus we konden niet nagaan dat dit verzoek van jou kwam. Er is niets gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
    'error.signInFailed.title': 'Inloggen is niet gelukt',
    'error.signInFailed.text': 'Het inloggen is afgebroken of mislukt. Je bent niet ingelogd. Je kunt het opnieuw proberen.',
  },
  en: {
    skip: 'Skip to content',
    languageNav: 'Language',
    login: 'Log in',
    logout: 'Log out',
    heroTitle: 'The network of and for vocational educators',
    heroLead: 'Teachers, instructors and workplace trainers share what works, meet at knowledge sessions and site visits, and make their voice heard together.',
    welcome: 'Welcome, {name}',
    pillarsTitle: 'What we work on together',
    upcomingTitle: 'Coming up',
    upcomingAll: 'Everything in the events',
    pillar1: 'Craftsmanship',
    pillar1Text: 'What makes a vocational educator good at the job, and how do we keep it up together?',
    pillar2: 'Sharing knowledge',
    pillar2Text: 'News, blogs, guides and answers from colleagues: learning from and with each other.',
    pillar3: 'Taking charge',
    pillar3Text: 'Steering your own development and good vocational education in your region.',
    pillar4: 'Using your voice',
    pillar4Text: 'Give your opinion in polls and, as a member, vote on what the association does.',
    footer: 'MBO Connect is the platform of the professional association of vocational educators.',
    'role.vriend': 'Friend',
    'role.lid': 'Member',
    'role.redacteur': 'Editor',
    'role.beheerder': 'Administrator',
    'role.partner': 'Partner',
    sessionExpired: 'Your session has expired. Please log in again.',
    profileUnavailable: 'Your profile could not be loaded right now. Please try again later.',
    errorLabel: 'Error',
    errorsOne: '1 field is not filled in correctly.',
    errorsMany: '{count} fields are not filled in correctly.',
    'error.home': 'To the home page',
    'error.agenda': 'To the events',
    'error.signIn': 'Log in again',
    'error.notFound.title': 'This page does not exist',
    'error.notFound.text': 'The page you are looking for is not here (any more). Perhaps the address was mistyped, or the page has moved.',
    'error.forbidden.title': 'You have no access here',
    'error.forbidden.text': 'This page is for members with another role. Are you logged in with another account? Go back and log in again.',
    'error.tooMany.title': 'Slow down a little',
    'error.tooMany.text': 'Many requests arrived from your address at once. Wait a minute and try again.',
    'error.serverError.title': 'Something went wrong',
    'error.serverError.text': 'Something went wrong on our side. What you had saved is kept. Please try again shortly.',
    'error.unavailable.title': 'Not available right now',
    'error.unavailable.text': 'This part of MBO Connect cannot be reached right now. Please try again in a few minutes.',
    'error.formExpired.title': 'This form has expired',
    'error.formExpired.text': 'You were away for a while or have been logged out meanwhile, so we could not check that this request came from you. Nothing was changed. Reload the page and try again.',
    'error.signInFailed.title': 'Logging in did not work',
    'error.signInFailed.text': 'Logging in was cancelled or failed. You are not logged in. You can try again.',
  },
};

export const languages = Object.keys(texts);

/** Adds a part of the site's texts (one module per part of the site), in every language. */
export function addTexts(more) {
  for (const language of languages) Object.assign(texts[language], more[language] || {});
}

let chosenHere = null;

/**
 * Dutch, unless the visitor chose English with the switch (the lang cookie). Not the browser's
 * language: a Dutch teacher with an English phone reads Dutch content, and gets Dutch around it.
 */
export function currentLanguage() {
  if (chosenHere) return chosenHere;
  const cookie = document.cookie.match(/(?:^|;\s*)lang=(nl|en)(?:;|$)/);
  return cookie ? cookie[1] : 'nl';
}

/**
 * Remembers the choice: the gateway writes the cookie, with the same Secure setting as its own.
 * Should that fail, this page keeps the choice until it is left.
 */
export async function chooseLanguage(language) {
  chosenHere = language;
  try {
    await api('/bff/language', {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language }),
    });
  } catch (offline) {
    // the page still switches; the next page starts in the remembered language
  }
}

export function t(key, values = {}, language = currentLanguage()) {
  const text = texts[language][key] ?? texts.nl[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** Puts the page's texts in the chosen language. */
export function translatePage(language = currentLanguage()) {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n, {}, language);
  }
  for (const element of document.querySelectorAll('[data-i18n-attr]')) {
    const [attribute, key] = element.dataset.i18nAttr.split(':');
    element.setAttribute(attribute, t(key, {}, language));
  }
}

/** Dates and times as people in the Netherlands read them, in Dutch or English, always Amsterdam time. */
const FORMATS = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
  time: { hour: '2-digit', minute: '2-digit' },
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  month: { month: 'long', year: 'numeric' },
  dayNumber: { day: 'numeric' },
  monthShort: { month: 'short' },
};

export function locale(language = currentLanguage()) {
  return language === 'nl' ? 'nl-NL' : 'en-GB';
}

export function format(iso, style = 'date', language = currentLanguage()) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(language), { ...FORMATS[style], timeZone: 'Europe/Amsterdam' })
    .format(new Date(iso));
}

export function formatDate(iso, language = currentLanguage()) {
  return format(iso, 'date', language);
}
