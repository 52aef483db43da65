import { describe, expect, it } from 'vitest';
import { testConfig } from '../../__tests__/support/env';
import { buildApp } from '../../app';
import type { FetchLike } from '../../uniphore/client';

const page = 'https://history.example.test/interact/history/abc?view=agent';

function appWith(headers: Record<string, string>, overrides: Record<string, string> = {}) {
  const calls: string[] = [];
  const fetch: FetchLike = async (input) => {
    calls.push(String(input));
    return new Response('<html></html>', { status: 200, headers });
  };
  return { calls, app: buildApp(testConfig(overrides), { logger: false, fetch }) };
}

const ask = async (app: Awaited<ReturnType<typeof buildApp>>, url: string) =>
  app.inject({
    method: 'GET',
    url: `/api/history/framing?url=${encodeURIComponent(url)}`,
    headers: { host: 'widget.example.com' },
  });

describe('GET /api/history/framing', () => {
  it('says yes for a page without framing headers', async () => {
    const { app } = appWith({});
    const response = await ask(await app, page);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ frameable: true });
  });

  it('says no for X-Frame-Options DENY or a frame-ancestors that leaves us out', async () => {
    expect((await ask(await appWith({ 'x-frame-options': 'DENY' }).app, page)).json()).toEqual({
      frameable: false,
    });
    const csp = { 'content-security-policy': "frame-ancestors 'self'" };
    expect((await ask(await appWith(csp).app, page)).json()).toEqual({ frameable: false });
  });

  it('fetches nothing outside the history origin', async () => {
    const { app, calls } = appWith({});
    for (const url of [
      'https://evil.example.test/x',
      'http://history.example.test/x',
      'not a url',
      'https://u:p@history.example.test/',
    ]) {
      const response = await ask(await app, url);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(calls).toEqual([]);
  });

  it('reuses an answer for the configured time, or asks every time with 0', async () => {
    const cached = appWith({});
    await ask(await cached.app, page);
    await ask(await cached.app, page);
    expect(cached.calls).toHaveLength(1);
    const uncached = appWith({}, { HISTORY_FRAMING_CACHE_MS: '0' });
    await ask(await uncached.app, page);
    await ask(await uncached.app, page);
    expect(uncached.calls).toHaveLength(2);
  });
});
