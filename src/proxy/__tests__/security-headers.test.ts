import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { authHeader, testConfig } from './support/env';
import { FakeUniphoreClient } from './support/fake-client';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setup(env: Record<string, string> = {}) {
  app = await buildApp(testConfig(env), { uniphoreClient: new FakeUniphoreClient(), logger: false });
  return app;
}

describe('security headers', () => {
  it.each(['/', '/api/config', '/api/uniphore/unique-id/dtmf/1', '/api/nope', '/healthz'])(
    'are set on %s',
    async (url) => {
      const app = await setup({ FRAME_ANCESTORS: "'self' https://desktop.example.com" });
      const response = await app.inject({ url, headers: authHeader });
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;" +
          "connect-src 'self';worker-src 'self' blob:;frame-src https://history.example.test;" +
          "frame-ancestors 'self' https://desktop.example.com;object-src 'none';base-uri 'self'",
      );
      expect(response.headers['x-frame-options']).toBeUndefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it("defaults frame-ancestors to 'self'", async () => {
    const app = await setup();
    const response = await app.inject({ url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self';");
  });
});

describe('CORS', () => {
  it('is closed by default', async () => {
    const app = await setup();
    const response = await app.inject({
      url: '/api/uniphore/unique-id/dtmf/1',
      headers: { ...authHeader, origin: 'https://evil.example.com' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/uniphore/unique-id/dtmf/1',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens exactly to CORS_ORIGINS', async () => {
    const app = await setup({ CORS_ORIGINS: 'https://desktop.example.com' });
    const allowed = await app.inject({
      method: 'OPTIONS',
      url: '/api/uniphore/unique-id/dtmf/1',
      headers: {
        origin: 'https://desktop.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers).toMatchObject({
      'access-control-allow-origin': 'https://desktop.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'authorization',
      vary: 'Origin',
    });
    const actual = await app.inject({
      url: '/api/uniphore/unique-id/dtmf/1',
      headers: { ...authHeader, origin: 'https://desktop.example.com' },
    });
    expect(actual.statusCode).toBe(200);
    expect(actual.headers['access-control-allow-origin']).toBe('https://desktop.example.com');
    const other = await app.inject({
      url: '/api/config',
      headers: { origin: 'https://desktop.example.com.evil' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
