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
  append(element, children, HEADINGS.has(tag));
  return element;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4']);

function append(element, children, breakLongWords = false) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child, breakLongWords);
    else if (child instanceof Node) element.append(breakLongWords ? hyphenateWithin(child) : child);
    else element.append(breakLongWords ? hyphenate(String(child)) : String(child));
  }
}

/** A heading's link or emphasis breaks long words too: the text inside a node put into a heading. */
function hyphenateWithin(node) {
  const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = node.nodeType === Node.TEXT_NODE ? node : texts.nextNode(); text; text = texts.nextNode()) {
    text.nodeValue = hyphenate(text.nodeValue);
  }
  return node;
}

const LONG_WORD = /[A-Za-zÀ-ÿ]{14,}/g;
const VOWEL = /[aeiouyàáâäèéêëìíîïòóôöùúûü]/i;
// consonants that begin a Dutch syllable together: be-drijf, cen-tra, ver-schil
const ONSETS = new Set(['sch', 'str', 'spr', 'chr', 'bl', 'br', 'dr', 'fl', 'fr', 'gl', 'gr', 'kl', 'kr', 'pl', 'pr',
  'tr', 'vl', 'vr', 'wr', 'sl', 'sm', 'sn', 'sp', 'st', 'sk', 'ch', 'kw', 'zw', 'dw', 'tw']);

/**
 * Puts soft hyphens into long words (14 letters or more) between their syllables, as Dutch splits
 * them (be-drijfs-op-lei-dings-cen-tra, near enough), so a heading breaks with a hyphen where a phone
 * is too narrow and the browser has no Dutch hyphenation of its own. Invisible otherwise.
 */
export function hyphenate(text) {
  return text.replace(LONG_WORD, (word) => {
    // "ij" is one vowel in Dutch
    const vowel = (at) => VOWEL.test(word[at]) || (word[at] === 'j' && word[at - 1] === 'i');
    const breaks = [];
    let i = 0;
    while (i < word.length && !vowel(i)) i++;
    while (i < word.length) {
      while (i < word.length && vowel(i)) i++; // a vowel group
      const clusterStart = i;
      while (i < word.length && !vowel(i)) i++; // the consonants after it
      if (i >= word.length) break; // the last syllable
      const cluster = word.slice(clusterStart, i).toLowerCase();
      let onset = 1;
      for (const length of [3, 2]) {
        if (cluster.length >= length && ONSETS.has(cluster.slice(-length))) { onset = length; break; }
      }
      if (cluster.length === 0) continue;
      breaks.push(i - Math.min(onset, cluster.length));
    }
    let out = '';
    let last = 0;
    for (const at of breaks) {
      if (at - last >= 2 && word.length - at >= 2) {
        out += `${word.slice(last, at)}\u00AD`;
        last = at;
      }
    }
    return out + word.slice(last);
  });
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
