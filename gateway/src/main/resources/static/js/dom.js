// Builds DOM nodes from data without ever parsing it as HTML: text stays text, whatever a member typed.

/**
 * h('a', { href: '/agenda', class: 'button' }, 'Agenda'): attributes, properties (on…, checked, value)
 * and children (strings, nodes, arrays, null and false are left out).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (['checked', 'value', 'selected', 'disabled', 'hidden', 'open'].includes(name)) {
      element[name] = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces what an element holds. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Paragraphs from text with blank lines between them. */
export function paragraphs(text) {
  return (text || '').split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean)
    .map((part) => h('p', {}, ...part.split('\n').flatMap((line, i) => (i ? [h('br'), line] : [line]))));
}

let counter = 0;
/** An id unique on the page, for label/aria references. */
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}
