// Talks to the gateway with the session cookie. Writes carry the CSRF token the gateway put in
// the XSRF-TOKEN cookie. No tokens ever reach this code: the gateway keeps them.

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

export async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set('Accept', 'application/json');
  const method = (options.method || 'GET').toUpperCase();
  if (!['GET', 'HEAD'].includes(method)) {
    headers.set('X-XSRF-TOKEN', csrfToken());
  }
  return fetch(path, { ...options, method, headers, credentials: 'same-origin' });
}

export async function session() {
  const response = await api('/bff/session');
  return response.ok ? response.json() : { authenticated: false, roles: [] };
}
