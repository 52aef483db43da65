import { afterEach, describe, expect, it, vi } from 'vitest';
import { request, setCsrf, setTokenProvider } from '../http';
import { anything } from '../schema';

function stubFetch(statuses: number[] = []) {
  const sent: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, headers: init.headers as Record<string, string> });
      return new Response('{}', {
        status: statuses.shift() ?? 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return sent;
}

describe('credentials in the one HTTP client', () => {
  afterEach(() => {
    setCsrf(null);
    setTokenProvider(null);
    vi.unstubAllGlobals();
  });

  it('sends GWS’s CSRF pair on unsafe GWS requests only, never to the proxy', async () => {
    const sent = stubFetch();
    setCsrf({ header: 'X-CSRF-TOKEN', token: 'csrf-1' });
    await request('/api/v2/ucs/interactions', anything, { method: 'POST', body: {} });
    await request('/api/v2/me', anything);
    await request('/api/pops', anything, { method: 'POST', body: {} });
    expect(sent.map((s) => s.headers['X-CSRF-TOKEN'])).toEqual(['csrf-1', undefined, undefined]);
  });

  it('sends the bearer token to the proxy’s routes only, never to GWS, and a fresh one after a 401', async () => {
    const sent = stubFetch([401, 200]);
    const provider = vi.fn(async (fresh: boolean) => (fresh ? 'token-2' : 'token-1'));
    setTokenProvider(provider);
    await request('/api/uniphore/unique-id/dtmf/1', anything);
    await request('/api/v2/me', anything);
    expect(sent.map((s) => [s.url, s.headers.Authorization])).toEqual([
      ['/api/uniphore/unique-id/dtmf/1', 'Bearer token-1'],
      ['/api/uniphore/unique-id/dtmf/1', 'Bearer token-2'],
      ['/api/v2/me', undefined],
    ]);
  });
});
