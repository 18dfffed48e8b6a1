// The association's own pages (contact, privacy statement, accessibility statement): text only,
// which page by its address.
import { currentLanguage } from './i18n.js';
import { h, show } from './dom.js';
import { startPage } from './layout.js';
import { PAGES } from './about/texts.js';

const KEY = location.pathname.replace(/^\/+/, '');

function render() {
  const page = PAGES[KEY][currentLanguage()] || PAGES[KEY].nl;
  document.title = `${page.title} · MBO Connect`;
  const root = document.getElementById('page');
  root.removeAttribute('aria-busy');
  show(root, h('article', { class: 'text-page', 'aria-labelledby': 'text-title' },
    h('h1', { id: 'text-title' }, page.title),
    h('p', { class: 'lead' }, page.lead),
    page.sections.map((section, i) => h('section', { id: section.id || null, 'aria-labelledby': `section-${i}` },
      h('h2', { id: `section-${i}` }, section.heading),
      section.paragraphs.map((text) => h('p', {}, text))))));
}

startPage({ render });
