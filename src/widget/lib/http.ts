// The one HTTP client module: every request from the widget goes through here, so errors have one
// shape and credentials are added in one place: GWS's CSRF pair on unsafe requests to GWS
// (`/api/v2/*`), and, where the proxy wants one (PROXY_AUTH=jwt), a bearer token on the proxy's own
// routes. Neither ever goes to the other.
import type { Guard } from './schema';

export interface Csrf {
  header: string;
  token: string;
}

/** Hands out the bearer token; `fresh` after the proxy refused the last one (expired, rotated). */
export type TokenProvider = (fresh: boolean) => Promise<string | null>;

let csrf: Csrf | null = null;
let tokenProvider: TokenProvider | null = null;

/** The CSRF pair GWS handed out with the session (X-CSRF-HEADER / X-CSRF-TOKEN), or null. */
export function setCsrf(value: Csrf | null): void {
  csrf = value;
}

export function setTokenProvider(provider: TokenProvider | null): void {
  tokenProvider = provider;
}

const isGwsPath = (url: string) => url.startsWith('/api/v2/') || url === '/api/v2';

type CredentialHeaders = Record<string, string>;

/**
 * The credentials a request carries. Synchronous where nothing has to be asked for (GWS's CSRF pair,
 * no token), so that the request leaves in the very turn it is made: a pop's FindPhoneCall and lookups
 * go out before the render that shows the new call, not after it.
 */
function credentials(
  url: string,
  method: string,
  fresh: boolean,
): CredentialHeaders | Promise<CredentialHeaders> {
  if (isGwsPath(url)) return method !== 'GET' && csrf ? { [csrf.header]: csrf.token } : {};
  if (!tokenProvider || !url.startsWith('/api/')) return {};
  return tokenProvider(fresh).then(
    (token): CredentialHeaders => (token ? { Authorization: `Bearer ${token}` } : {}),
  );
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
  /** `code` of an RFC 9457 problem body, when the server sent one. */
  get code(): string | undefined {
    const body = this.body as { code?: unknown } | null;
    return body && typeof body.code === 'string' ? body.code : undefined;
  }
}

/** The answer did not match the expected schema: treated like a broken server answer. */
export class ResponseShapeError extends Error {
  override name = 'ResponseShapeError';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Survives the page going away (a report sent as the agent closes the desktop). */
  keepalive?: boolean;
}

export interface HttpResponse<T> {
  data: T;
  headers: Headers;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export async function request<T>(
  url: string,
  check: Guard<T>,
  options: RequestOptions = {},
): Promise<HttpResponse<T>> {
  const method = options.method ?? 'GET';
  const build = (credentialHeaders: CredentialHeaders) => {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...credentialHeaders,
      ...options.headers,
    };
    const init: RequestInit = {
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal ?? null,
      keepalive: options.keepalive ?? false,
    };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    return fetch(url, init);
  };
  const send = (fresh: boolean): Promise<Response> => {
    const headers = credentials(url, method, fresh);
    return headers instanceof Promise ? headers.then(build) : build(headers);
  };
  let response = await send(false);
  // A refused bearer token may just have expired: ask for a fresh one, once.
  if (response.status === 401 && tokenProvider && !isGwsPath(url)) {
    await response.body?.cancel().catch(() => undefined);
    response = await send(true);
  }
  const body = await readBody(response);
  if (!response.ok) {
    const detail =
      body && typeof body === 'object' && 'title' in body ? String((body as { title: unknown }).title) : '';
    throw new HttpError(response.status, body, `${method} ${url}: ${response.status} ${detail}`.trim());
  }
  if (!check(body)) {
    throw new ResponseShapeError(`${method} ${url}: unexpected answer (${check.explain(body)})`);
  }
  return { data: body, headers: response.headers };
}
