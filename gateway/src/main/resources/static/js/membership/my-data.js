// "Mijn gegevens": what the platform holds about the member, downloaded as one JSON document.
import { t } from '../i18n.js';
import { h, show } from '../dom.js';
import { loginLink, startPage } from '../layout.js';
import { pageRoot } from '../feedback.js';
import './texts.js';

const state = { session: { authenticated: false } };

async function load(session) {
  state.session = session;
}

function render() {
  const root = pageRoot(t('myDataTitle'));
  if (!state.session.authenticated) {
    show(root, h('h1', {}, t('myDataTitle')), h('p', {}, t('loginForMyData')), loginLink(t('login')));
    return;
  }
  show(root,
    h('h1', {}, t('myDataTitle')),
    h('p', { class: 'lead' }, t('myDataLead')),
    h('section', { 'aria-labelledby': 'export-heading' },
      h('h2', { id: 'export-heading' }, t('exportTitle')),
      h('p', {}, t('exportText')),
      h('ul', {}, ['exportMembership', 'exportEvents', 'exportKnowledge', 'exportPolls'].map((key) => h('li', {}, t(key)))),
      h('p', {}, t('exportMissing')),
      h('p', {}, h('a', { href: '/bff/personal-data', class: 'button', download: '' }, t('exportDownload')))),
    h('p', {}, h('a', { href: '/privacy' }, t('myDataPrivacy'))));
}

startPage({ load, render });
