// The links between the pages of a list whose page is in the address (?page=), keeping the rest of it.
import { t } from './i18n.js';
import { h } from './dom.js';

/** A list's query as the address holds it: each filter named ('' when absent), and the page (from 0). */
export function queryFromAddress(filters) {
  const params = new URLSearchParams(location.search);
  const query = Object.fromEntries(filters.map((name) => [name, params.get(name) || '']));
  query.page = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
  return query;
}

/** The API's query string for it: the filters that are set, the page, and the page size. */
export function apiQuery(query, size) {
  const asked = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) asked.set(name, value);
  asked.set('size', size);
  return asked;
}

function pageLink(path, page, text, rel) {
  const to = new URLSearchParams(location.search);
  to.set('page', page);
  return h('a', { href: `${path}?${to}`, rel, class: 'button plain' }, text);
}

/** "Vorige · Pagina 2 van 5 · Volgende" for a result {page, size, total} listed at {@code path}; null for one page. */
export function pagination(result, path = location.pathname) {
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  if (pages === 1) return null;
  return h('nav', { class: 'pagination', 'aria-label': t('pagination') },
    result.page > 0 ? pageLink(path, result.page - 1, t('previousPage'), 'prev') : null,
    h('span', { 'aria-current': 'page' }, t('pageOf', { page: result.page + 1, pages })),
    result.page + 1 < pages ? pageLink(path, result.page + 1, t('nextPage'), 'next') : null);
}
