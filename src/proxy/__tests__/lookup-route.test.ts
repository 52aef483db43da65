import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { LookupOutcome } from '../uniphore/client';
import { authHeader, TEST_HISTORY_TEMPLATE, testConfig } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';
import { logCapture } from './support/uniphore-contract';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setup(answer?: ConstructorParameters<typeof FakeUniphoreClient>[0], env = {}) {
  const client = new FakeUniphoreClient(answer);
  const logs = logCapture();
  app = await buildApp(testConfig({ LOOKUP_CACHE_TTL_MS: '0', ...env }), {
    uniphoreClient: client,
    logger: { level: 'info', stream: logs.stream },
  });
  return { app, client, logs };
}

const get = (target: FastifyInstance, url: string, headers: Record<string, string> = authHeader) =>
  target.inject({ method: 'GET', url, headers });

describe('lookup input validation', () => {
  it.each([
    ['unknown attribute', '/api/uniphore/unique-id/ani/123', 'invalid_attribute'],
    ['wrong-case attribute', '/api/uniphore/unique-id/DTMF/123', 'invalid_attribute'],
    ['prototype attribute', '/api/uniphore/unique-id/__proto__/123', 'invalid_attribute'],
    ['constructor attribute', '/api/uniphore/unique-id/constructor/123', 'invalid_attribute'],
    ['bad attribute and bad value', '/api/uniphore/unique-id/ani/%0A', 'invalid_attribute'],
    ['empty attribute', '/api/uniphore/unique-id//123', 'invalid_attribute'],
    ['missing everything', '/api/uniphore/unique-id', 'invalid_attribute'],
    ['missing everything (slash)', '/api/uniphore/unique-id/', 'invalid_attribute'],
    ['missing value', '/api/uniphore/unique-id/dtmf', 'invalid_value'],
    ['empty value', '/api/uniphore/unique-id/dtmf/', 'invalid_value'],
    ['129 characters', `/api/uniphore/unique-id/dtmf/${'1'.repeat(129)}`, 'invalid_value'],
    ['NUL', '/api/uniphore/unique-id/dtmf/1%002', 'invalid_value'],
    ['CR/LF', '/api/uniphore/unique-id/dtmf/1%0D%0AX-Injected:%201', 'invalid_value'],
    ['LF', '/api/uniphore/unique-id/dtmf/1%0A2', 'invalid_value'],
    ['tab', '/api/uniphore/unique-id/dtmf/1%092', 'invalid_value'],
    ['DEL', '/api/uniphore/unique-id/dtmf/1%7F2', 'invalid_value'],
    ['C1 control', '/api/uniphore/unique-id/dtmf/1%C2%852', 'invalid_value'],
    ['line separator', '/api/uniphore/unique-id/dtmf/1%E2%80%A82', 'invalid_value'],
    ['XML noncharacter', '/api/uniphore/unique-id/dtmf/1%EF%BF%BE2', 'invalid_value'],
    ['129 emoji', `/api/uniphore/unique-id/dtmf/${encodeURIComponent('😀'.repeat(129))}`, 'invalid_value'],
    ['raw slash', '/api/uniphore/unique-id/dtmf/a/b', 'invalid_value'],
    ['bad percent-encoding', '/api/uniphore/unique-id/dtmf/%ZZ', 'invalid_value'],
    ['invalid UTF-8', '/api/uniphore/unique-id/dtmf/%ED%A0%80', 'invalid_value'],
  ])('%s → 400 %s and no upstream call', async (_name, url, code) => {
    const { app, client } = await setup();
    const response = await get(app, url);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: `urn:uniphore-history-widget:problem:${code}`,
      status: 400,
      code,
      title: expect.any(String),
      detail: expect.any(String),
    });
    if (url.startsWith('/api/uniphore/unique-id/dtmf/') || url.endsWith('/123')) {
      expect(response.headers['cache-control']).toBe('no-store');
    }
    expect(client.calls).toHaveLength(0);
  });

  it('rejects "." and ".." (and their encodings) over a real socket', async () => {
    const { app, client } = await setup();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const http = await import('node:http');
    for (const value of ['.', '..', '%2E', '%2e%2E']) {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        // node:http sends the path as written; fetch() would normalise the dot segments away.
        http
          .get(
            { port, host: '127.0.0.1', path: `/api/uniphore/unique-id/dtmf/${value}`, headers: authHeader },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                text += chunk;
              });
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
            },
          )
          .on('error', reject);
      });
      expect(status, value).toBe(400);
      expect(JSON.parse(body), value).toMatchObject({
        code: 'invalid_value',
        detail: 'value must not be "." or ".."',
      });
    }
    expect(client.calls).toHaveLength(0);
  });

  it.each([
    ['dtmf/', 'value is required'],
    [`dtmf/${'1'.repeat(129)}`, 'value must be at most 128 characters'],
    [
      'dtmf/1%0A2',
      'value must not contain control characters, line breaks or characters that cannot be sent upstream',
    ],
    ['dtmf/a/b', 'value must be a single path segment: encode "/" as %2F'],
    ['ani/1', 'attribute must be one of dtmf, callReturn, clickToCall, historySearchId'],
  ])('tells the caller which rule %s breaks', async (path, detail) => {
    const { app, logs } = await setup();
    const response = await get(app, `/api/uniphore/unique-id/${path}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toBe(detail);
    const rejected = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'uniphore lookup rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].lookup).toMatchObject({ upstreamCalls: 0, outcome: response.json().code });
  });

  it.each([
    ['three dots', '...'],
    ['a literal %2F', '%2F'],
    ['letters beyond ASCII', 'ünïcødé 電話'],
  ])('accepts %s', async (_name, value) => {
    const { app, client } = await setup();
    const response = await get(app, `/api/uniphore/unique-id/dtmf/${encodeURIComponent(value)}`);
    expect(response.statusCode).toBe(200);
    expect(client.calls).toEqual([{ attribute: 'dtmf', value }]);
  });

  it('keeps /, .. and %2F inside one value', async () => {
    const { app, client } = await setup();
    const response = await get(
      app,
      `/api/uniphore/unique-id/historySearchId/${encodeURIComponent('a/../%2F')}`,
    );
    expect(response.statusCode).toBe(200);
    expect(client.calls).toEqual([{ attribute: 'historySearchId', value: 'a/../%2F' }]);
  });

  it.each([
    ['128 ASCII characters', 'x'.repeat(128)],
    ['128 emoji (4-byte UTF-8 each)', '😀'.repeat(128)],
  ])('accepts %s', async (_name, value) => {
    const { app, client } = await setup();
    const response = await get(app, `/api/uniphore/unique-id/historySearchId/${encodeURIComponent(value)}`);
    expect(response.statusCode).toBe(200);
    expect(client.calls).toEqual([{ attribute: 'historySearchId', value }]);
  });

  it('passes + through as +', async () => {
    const { app, client } = await setup();
    await get(app, '/api/uniphore/unique-id/clickToCall/%2B12121234567');
    await get(app, '/api/uniphore/unique-id/callReturn/+12121234567');
    expect(client.calls.map((c) => c.value)).toEqual(['+12121234567', '+12121234567']);
  });
});

describe('lookup outcomes', () => {
  it('answers 200 with the id and its history URL', async () => {
    const { app } = await setup(() => ({ kind: 'found', uniqueId: 'id with/slash', upstreamStatus: 200 }));
    const response = await get(app, '/api/uniphore/unique-id/dtmf/4567');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      uniqueId: 'id with/slash',
      attribute: 'dtmf',
      historyUrl: TEST_HISTORY_TEMPLATE.replace('{uniqueId}', 'id%20with%2Fslash'),
    });
  });

  it.each<[LookupOutcome, number, string]>([
    [{ kind: 'not_found', upstreamStatus: 404 }, 404, 'not_found'],
    [
      { kind: 'unauthorized', upstreamStatus: 401, reason: 'bad key', faultCode: '0x7000000' },
      502,
      'upstream_unauthorized',
    ],
    [{ kind: 'upstream_error', upstreamStatus: 500, detail: 'HTTP 500' }, 502, 'upstream_error'],
    [{ kind: 'bad_response', upstreamStatus: 200, detail: 'empty id' }, 502, 'upstream_bad_response'],
    [{ kind: 'unreachable', detail: 'ECONNREFUSED' }, 502, 'upstream_unreachable'],
    [{ kind: 'timeout' }, 504, 'upstream_timeout'],
  ])('%o → %i %s', async (outcome, status, code) => {
    const { app } = await setup(() => outcome);
    const response = await get(app, '/api/uniphore/unique-id/dtmf/4567');
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({
      status,
      code,
      type: `urn:uniphore-history-widget:problem:${code}`,
    });
    // Upstream details (reason header, status, network codes) are for the log only.
    expect(response.body).not.toMatch(/bad key|HTTP 500|ECONNREFUSED|empty id/);
  });

  it('answers 500 internal_error if the client itself fails', async () => {
    const { app } = await setup(() => {
      throw new Error('bug at /secret/path');
    });
    const response = await get(app, '/api/uniphore/unique-id/dtmf/4567');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal_error' });
    expect(response.body).not.toContain('/secret/path');
  });

  it('coalesces 100 concurrent identical lookups into one upstream call', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { app, client } = await setup(async () => {
      await gate;
      return { kind: 'found', uniqueId: 'shared', upstreamStatus: 200 };
    });
    const pending = Array.from({ length: 100 }, () => get(app, '/api/uniphore/unique-id/dtmf/4567'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const responses = await Promise.all(pending);
    expect(responses.every((r) => r.statusCode === 200 && r.json().uniqueId === 'shared')).toBe(true);
    expect(client.calls).toHaveLength(1);
  });

  it('serves repeated lookups from the cache of found ids', async () => {
    const { app, client } = await setup(undefined, { LOOKUP_CACHE_TTL_MS: '30000' });
    for (let i = 0; i < 3; i++) await get(app, '/api/uniphore/unique-id/dtmf/4567');
    expect(client.calls).toHaveLength(1);
  });
});

describe('lookup logging', () => {
  it('writes one line per lookup with a hashed value', async () => {
    const { app, logs } = await setup(() => ({
      kind: 'unauthorized',
      upstreamStatus: 401,
      reason: 'Expired key',
      faultCode: '0x7000000',
    }));
    await get(app, '/api/uniphore/unique-id/callReturn/%2B12125550100');
    const lines = logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const lookup = lines.filter((l) => l.msg === 'uniphore lookup');
    expect(lookup).toHaveLength(1);
    expect(lookup[0]).toMatchObject({
      level: 50,
      reqId: expect.any(String),
      lookup: {
        attribute: 'callReturn',
        valueHash: expect.stringMatching(/^[0-9a-f]{12}$/),
        transport: 'rest',
        upstreamStatus: 401,
        durationMs: expect.any(Number),
        outcome: 'upstream_unauthorized',
        cached: false,
        coalesced: false,
        unauthenticatedReason: 'Expired key',
      },
    });
    expect(logs.lines.join('\n')).not.toContain('12125550100');
  });

  it('honours a sane x-request-id and replaces an unsafe one', async () => {
    const { app } = await setup();
    const kept = await get(app, '/api/uniphore/unique-id/dtmf/1', {
      ...authHeader,
      'x-request-id': 'abc-123',
    });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await get(app, '/api/uniphore/unique-id/dtmf/1', {
      ...authHeader,
      'x-request-id': 'a b"<script>',
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
