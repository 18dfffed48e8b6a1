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
  const response = await fetch(path, { ...options, method, headers, credentials: 'same-origin' });
  // the member's roles changed since the session's token (made lid, say): the page asks for the session again
  if (response.headers.get('Mbo-Session-Changed')) window.dispatchEvent(new Event('mbo:session-changed'));
  return response;
}

export async function session() {
  const response = await api('/bff/session');
  return response.ok ? response.json() : { authenticated: false, roles: [] };
}

/**
 * A JSON call that never throws: {ok, status, data} or {ok: false, status, problem}, where the
 * problem (RFC 9457) carries {@code code}, the last part of its type ("breakout-full"), and the
 * fields at fault in {@code errors}. A network failure is status 0 with code "network". {@code contentType}
 * sends {@code body} as it is (a File, say) with that Content-Type.
 */
export async function call(path, { method = 'GET', body, contentType } = {}) {
  const options = { method };
  if (body !== undefined) {
    // a body with its own type (a photo, say) goes as it is; anything else as JSON
    options.body = contentType ? body : JSON.stringify(body);
    options.headers = { 'Content-Type': contentType || 'application/json' };
  }
  let response;
  try {
    response = await api(path, options);
  } catch (offline) {
    return { ok: false, status: 0, problem: { code: 'network', errors: [] } };
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) return { ok: true, status: response.status, data };
  const code = data?.type ? String(data.type).split('/').pop() : `http-${response.status}`;
  return { ok: false, status: response.status, problem: { ...(data || {}), code, errors: data?.errors || [] } };
}
