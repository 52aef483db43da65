import { describe, expect, it } from 'vitest';
import { authHeader, testConfig } from '../../__tests__/support/env';
import { buildApp } from '../../app';
import type { FetchLike } from '../../uniphore/client';
import { MAX_FRAMING_VERDICTS } from '../framing-route';

const page = 'https://history.example.test/interact/history/abc?view=agent';

function appWith(
  headers: Record<string, string>,
  overrides: Record<string, string> = {},
  now?: () => number,
) {
  const calls: string[] = [];
  const fetch: FetchLike = async (input) => {
    calls.push(String(input));
    return new Response('<html></html>', { status: 200, headers });
  };
  return { calls, app: buildApp(testConfig(overrides), { logger: false, fetch, now }) };
}

const ask = async (
  app: Awaited<ReturnType<typeof buildApp>>,
  url: string,
  headers: Record<string, string> = { host: 'widget.example.com', ...authHeader },
) => app.inject({ method: 'GET', url: `/api/history/framing?url=${encodeURIComponent(url)}`, headers });

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

  it('fetches nothing but history pages the template yields, not even elsewhere on the history origin', async () => {
    const { app, calls } = appWith({});
    for (const url of [
      'https://evil.example.test/x',
      'http://history.example.test/x',
      'not a url',
      'https://u:p@history.example.test/',
      'https://history.example.test/x',
      'https://history.example.test/admin?view=agent',
      'https://history.example.test/interact/history/../../admin?view=agent',
      'https://history.example.test/interact/history/..%2F..%2Fadmin?view=agent',
      'https://history.example.test/interact/history/abc?view=agent&debug=1',
      'https://history.example.test/interact/history/abc',
    ]) {
      const response = await ask(await app, url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'invalid_value', detail: 'url is not a history page' });
    }
    expect(calls).toEqual([]);
    expect((await ask(await app, page)).statusCode).toBe(200);
    expect(calls).toEqual([page]);
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

  it('asks again once the answer is older than HISTORY_FRAMING_CACHE_MS', async () => {
    let now = 0;
    const { app, calls } = appWith({}, { HISTORY_FRAMING_CACHE_MS: '1000' }, () => now);
    const built = await app;
    await ask(built, page);
    now += 999;
    await ask(built, page);
    expect(calls).toHaveLength(1);
    now += 2;
    await ask(built, page);
    expect(calls).toHaveLength(2);
  });

  it('serves only callers PROXY_AUTH accepts, and fetches nothing for the others', async () => {
    const { app, calls } = appWith({});
    const response = await ask(await app, page, { host: 'widget.example.com' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    expect(calls).toEqual([]);
  });

  it('keeps a bounded number of verdicts, however many Host headers callers send', async () => {
    const { app, calls } = appWith({});
    const built = await app;
    const asAt = (host: string) => ask(built, page, { host, ...authHeader });
    await asAt('first.example.com');
    for (let i = 0; i < MAX_FRAMING_VERDICTS; i++) await asAt(`host-${i}.example.com`);
    expect(calls).toHaveLength(MAX_FRAMING_VERDICTS + 1);
    // The oldest verdict made room: asked again, it is fetched again; a recent one is not.
    await asAt('first.example.com');
    await asAt(`host-${MAX_FRAMING_VERDICTS - 1}.example.com`);
    expect(calls).toHaveLength(MAX_FRAMING_VERDICTS + 2);
  });
});
