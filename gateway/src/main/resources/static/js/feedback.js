// How every page tells the member what happened: its place in <main>, announced messages, and a
// refusal from a service in the member's language (by the problem's code, else by its status).
import { addTexts, t } from './i18n.js';
import { h } from './dom.js';
import { showErrors } from './forms.js';

addTexts({
  nl: {
    'problem.not-found': 'Niet gevonden, of je hebt er geen toegang toe.',
    'problem.unauthenticated': 'Je bent niet (meer) ingelogd. Log in en probeer opnieuw.',
    'problem.forbidden': 'Dat mag je niet doen met jouw rol.',
    'problem.validation': 'Niet alles is goed ingevuld.',
    'problem.network': 'Er is geen verbinding. Controleer je internet en probeer opnieuw.',
    'problem.busy': 'Het is even erg druk. Probeer het over een paar seconden opnieuw.',
    'problem.too-many-requests': 'Vanaf jouw adres kwamen veel verzoeken tegelijk binnen. Wacht een minuut en probeer het dan opnieuw.',
    'problem.other': 'Dat lukte niet. Probeer het later opnieuw.',
    'field.required': 'Vul dit in.', 'field.size': 'Dit is te lang.', 'field.too-long': 'Dit is te lang.',
    'field.min': 'Dit getal is te klein.', 'field.max': 'Dit getal is te groot.',
    'field.unknown-value': 'Kies een van de keuzes.', 'field.invalid': 'Dit klopt niet.',
  },
  en: {
    'problem.not-found': 'Not found, or you have no access to it.',
    'problem.unauthenticated': 'You are not signed in (any more). Log in and try again.',
    'problem.forbidden': 'Your role does not allow this.',
    'problem.validation': 'Not everything is filled in correctly.',
    'problem.network': 'There is no connection. Check your internet and try again.',
    'problem.busy': 'It is very busy right now. Try again in a few seconds.',
    'problem.too-many-requests': 'Many requests came from your address at once. Wait a minute and try again.',
    'problem.other': 'That did not work. Please try again later.',
    'field.required': 'Fill this in.', 'field.size': 'This is too long.', 'field.too-long': 'This is too long.',
    'field.min': 'This number is too small.', 'field.max': 'This number is too large.',
    'field.unknown-value': 'Choose one of the choices.', 'field.invalid': 'This is not right.',
  },
});

/** The member-facing sentence for a refusal: by its code, else by its HTTP status. */
export function problemText(problem) {
  const byCode = `problem.${problem.code}`;
  if (t(byCode) !== byCode) return t(byCode);
  if (problem.status === 404) return t('problem.not-found');
  if (problem.status === 401) return t('problem.unauthenticated');
  if (problem.status === 403) return t('problem.forbidden');
  return t('problem.other');
}

export function fieldText(error) {
  const key = `field.${error.code}`;
  return t(key) !== key ? t(key) : (error.message || t('field.invalid'));
}

/** A message area that screen readers announce: role=status for news, role=alert for refusals. */
export function message(text, kind = 'info') {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** The page's own part of <main>, ready to draw into, with the browser tab saying where we are. */
export function pageRoot(title) {
  document.title = `${title} · MBO Connect`;
  const root = document.getElementById('page');
  root.removeAttribute('aria-busy');
  return root;
}

/** "‹ Organiseren": the way back up, above a page's heading. */
export function backLink(href, text) {
  return h('p', { class: 'breadcrumb' }, h('a', { href }, h('span', { 'aria-hidden': 'true' }, '‹\u00a0'), text));
}

/** A refused form: each field error next to its field, or the refusal itself at the top. */
export function showProblem(form, problem) {
  if (problem.errors.length) showErrors(form, problem.errors, fieldText);
  else showErrors(form, [{ message: problemText(problem) }], (error) => error.message);
}
