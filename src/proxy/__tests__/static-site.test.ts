import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import {
  fallbackFor,
  IMMUTABLE,
  looksLikeFile,
  MISSING_FILE,
  NOT_BUILT,
  REVALIDATE,
} from '../plugins/static-site';
import { testConfig } from './support/env';

let dir: string;
let app: FastifyInstance | undefined;
const INDEX =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'proxy-static-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), INDEX);
  await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'favicon.svg'), '<svg/>');
  await writeFile(path.join(dir, '.env'), 'SECRET=1');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setup(staticDir: string) {
  app = await buildApp(testConfig({ STATIC_DIR: staticDir }), { logger: false });
  return app;
}

describe('static widget', () => {
  it('serves index.html at / with no-cache', async () => {
    const app = await setup(dir);
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe(REVALIDATE);
    expect(response.body).toBe(INDEX);
  });

  it('serves hashed assets as immutable', async () => {
    const app = await setup(dir);
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(response.headers['content-type']).toMatch(/javascript/);
  });

  it('revalidates unhashed files', async () => {
    const app = await setup(dir);
    const response = await app.inject({ url: '/favicon.svg' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe(REVALIDATE);
  });

  it.each([
    '/supervisor',
    '/calls/123',
    '/index.html',
    '/?mode=embedded&attribute=dtmf&value=1',
    '/?mode=supervisor&value=a.b',
  ])('falls back to index.html for %s', async (url) => {
    const app = await setup(dir);
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers['cache-control']).toBe(REVALIDATE);
  });

  it.each([
    '/package.json',
    '/src/main.ts',
    '/favicon.ico',
    '/.env',
    '/.git/config',
    '/%2eenv',
    '/assets/missing-123.js',
    '/backup.tar.gz?x=1',
  ])('answers a plain, uncacheable 404 for the missing file %s, not the app', async (url) => {
    const app = await setup(dir);
    for (const method of ['GET', 'HEAD'] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.headers['cache-control']).toBe('no-store');
      if (method === 'GET') expect(response.body).toBe(MISSING_FILE);
    }
  });

  it.each(['/api/unknown', '/api', '/api/v3/x.json'])('answers 404 for %s', async (url) => {
    const app = await setup(dir);
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });

  it('tells files from deep links', () => {
    for (const file of ['/a.js', '/x/y.min.css', '/.well-known/security.txt', '/.hidden', '/a/.git/HEAD']) {
      expect(looksLikeFile(file), file).toBe(true);
    }
    for (const link of ['/', '/supervisor', '/calls/123', '/a./', '/x/..', '/?file=a.json', '/v.']) {
      expect(looksLikeFile(link), link).toBe(false);
    }
    expect(fallbackFor('GET', '/supervisor')).toBe('index');
    expect(fallbackFor('GET', '/favicon.ico')).toBe('missing-file');
    expect(fallbackFor('POST', '/favicon.ico')).toBe('problem');
    expect(fallbackFor('GET', '/api/x.json')).toBe('problem');
  });

  it('does not serve dotfiles', async () => {
    const app = await setup(dir);
    const response = await app.inject({ url: '/.env' });
    expect(response.body).not.toContain('SECRET');
  });

  it('answers 404 problem+json for unknown non-GET routes', async () => {
    const app = await setup(dir);
    const response = await app.inject({ method: 'POST', url: '/whatever', payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it.each(['/', '/supervisor'])('answers 503 for %s when the widget is not built', async (url) => {
    const empty = await mkdtemp(path.join(tmpdir(), 'proxy-empty-'));
    try {
      for (const staticDir of [empty, path.join(empty, 'missing')]) {
        const app = await setup(staticDir);
        const response = await app.inject({ url });
        expect(response.statusCode).toBe(503);
        expect(response.headers['content-type']).toMatch(/^text\/plain/);
        expect(response.body).toBe(NOT_BUILT);
        await app.close();
      }
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
