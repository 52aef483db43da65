// The one HTTP client module: every request from the widget goes through here, so errors have one shape.
import type { Guard } from './schema';

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
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    signal: options.signal ?? null,
  };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(url, init);
  const body = await readBody(response);
  if (!response.ok) {
    const detail =
      body && typeof body === 'object' && 'title' in body ? String((body as { title: unknown }).title) : '';
    throw new HttpError(response.status, body, `${init.method} ${url}: ${response.status} ${detail}`.trim());
  }
  if (!check(body)) {
    throw new ResponseShapeError(`${init.method} ${url}: unexpected answer (${check.explain(body)})`);
  }
  return { data: body, headers: response.headers };
}
