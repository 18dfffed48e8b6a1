// Form errors as the member needs them: next to the field, in their language, announced, and
// summed up at the top with links to each field (the pattern GOV.UK and NL Design System use).
import { t } from './i18n.js';
import { h, show, uid } from './dom.js';

/**
 * A labelled field: label, optional hint, the control, and room for its error. The control gets
 * {@code data-field} (the API's name for it) so that the service's errors find their way back.
 */
export function field({ label, name, control, hint, required = false, wide = false }) {
  const id = control.id || uid('field');
  control.id = id;
  control.dataset.field = name;
  if (required) control.setAttribute('aria-required', 'true');
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: `field${wide ? ' wide' : ''}` },
    h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control);
}

/** A group of radio buttons or check boxes in a fieldset with a legend, named for the API. */
export function choices({ legend, name, type = 'radio', options, chosen = [], required = false, inputName }) {
  const group = uid('group');
  return h('fieldset', { class: 'choices', 'data-field': name, id: group },
    h('legend', {}, legend, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    options.map(({ value, label, disabled, note }) => {
      const id = uid('choice');
      return h('div', { class: 'choice' },
        h('input', {
          type, id, name: inputName || name, value, checked: chosen.includes(value), disabled: Boolean(disabled),
          'aria-required': required && type === 'radio' ? 'true' : null,
        }),
        h('label', { for: id }, label, note ? h('span', { class: 'note' }, ` ${note}`) : null));
    }));
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((error) => error.remove());
  form.querySelectorAll('[aria-invalid]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    const described = (control.getAttribute('aria-describedby') || '').split(' ')
      .filter((id) => id && !id.endsWith('-error')).join(' ');
    if (described) control.setAttribute('aria-describedby', described);
    else control.removeAttribute('aria-describedby');
  });
  const summary = form.querySelector('.error-summary');
  if (summary) show(summary).hidden = true;
}

/**
 * Shows each error next to its field ({@code data-field} equal to the error's field, or the nearest
 * enclosing name, "programme[2]" for "programme[2].speaker"), and all of them in the summary.
 */
export function showErrors(form, errors, textOf) {
  clearErrors(form);
  const summary = form.querySelector('.error-summary');
  const entries = [];
  for (const error of errors) {
    const target = findField(form, error.field);
    const text = textOf(error);
    if (target) {
      const errorId = `${target.id || (target.id = uid('field'))}-error`;
      const note = h('p', { class: 'field-error', id: errorId }, h('span', { class: 'visually-hidden' }, `${t('errorLabel')}: `), text);
      if (target.tagName === 'FIELDSET') target.querySelector('legend').after(note);
      else target.before(note);
      target.setAttribute('aria-invalid', 'true');
      const described = target.getAttribute('aria-describedby');
      target.setAttribute('aria-describedby', described ? `${described} ${errorId}` : errorId);
      entries.push(h('li', {}, h('a', { href: `#${target.id}`, onclick: (event) => {
        event.preventDefault();
        (target.tagName === 'FIELDSET' ? target.querySelector('input, select, textarea') : target)?.focus();
      } }, `${labelOf(target)}: ${text}`)));
    } else {
      entries.push(h('li', {}, text));
    }
  }
  if (summary && entries.length) {
    summary.hidden = false;
    show(summary,
      h('h2', {}, entries.length === 1 ? t('errorsOne') : t('errorsMany', { count: entries.length })),
      h('ul', {}, entries));
    summary.focus();
  }
}

function findField(form, name) {
  let candidate = name || '';
  while (candidate) {
    const found = form.querySelector(`[data-field="${CSS.escape(candidate)}"]`);
    if (found) return found;
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return null;
}

function labelOf(control) {
  if (control.tagName === 'FIELDSET') return control.querySelector('legend')?.textContent.replace(/\s*\*$/, '') || '';
  const label = control.id ? control.ownerDocument.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  return label ? label.textContent.replace(/\s*\*$/, '') : '';
}

/** The summary's place at the top of a form: hidden until there is something to say. */
export function errorSummary() {
  return h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
}
