import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { ConfigError } from '../config';
import { collidingRoute } from '../route-collision';
import { testConfig } from './support/env';

async function buildError(env: Record<string, string>): Promise<unknown> {
  try {
    const app = await buildApp(testConfig(env), { logger: false });
    await app.close();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('GWS_NOTIFICATIONS_PATH against the routes the proxy registers', () => {
  it.each([
    '/api/history/framing',
    '/api/uniphore/unique-id',
    '/api/uniphore/unique-id/dtmf',
    '/api/uniphore',
    '/api/config',
    '/healthz',
    '/readyz',
  ])('refuses %s by name, before anything listens', async (notificationsPath) => {
    const error = await buildError({ GWS_NOTIFICATIONS_PATH: notificationsPath });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      {
        setting: 'GWS_NOTIFICATIONS_PATH',
        message: expect.stringContaining('outside the proxy’s own routes'),
      },
    ]);
    expect((error as ConfigError).message).toMatch(/^GWS_NOTIFICATIONS_PATH: /);
  });

  it.each(['/api/v2/notifications', '/cometd', '/genesys/cometd', '/api/uniphore-cometd'])(
    'accepts %s',
    async (notificationsPath) => {
      expect(await buildError({ GWS_NOTIFICATIONS_PATH: notificationsPath })).toBeUndefined();
    },
  );

  it('refuses the simulator control API only when the simulator is there', async () => {
    const simulator = {
      SIMULATOR_CONTROL_URL: 'http://127.0.0.1:9/sim',
      GWS_NOTIFICATIONS_PATH: '/api/sim/x',
    };
    expect(await buildError(simulator)).toBeInstanceOf(ConfigError);
    expect(await buildError({ GWS_NOTIFICATIONS_PATH: '/api/sim/x' })).toBeUndefined();
  });

  describe('with a built widget', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'proxy-routes-'));
      await mkdir(path.join(dir, 'assets'));
      await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
      await writeFile(path.join(dir, 'assets', 'index-abc.js'), '');
      await writeFile(path.join(dir, 'favicon.svg'), '<svg/>');
    });
    afterAll(async () => rm(dir, { recursive: true, force: true }));

    it.each(['/assets', '/assets/cometd', '/favicon.svg'])('refuses %s, a file of the widget', async (p) => {
      expect(await buildError({ STATIC_DIR: dir, GWS_NOTIFICATIONS_PATH: p })).toBeInstanceOf(ConfigError);
    });

    it('accepts a path the widget does not use', async () => {
      expect(await buildError({ STATIC_DIR: dir, GWS_NOTIFICATIONS_PATH: '/cometd' })).toBeUndefined();
    });
  });
});

describe('collidingRoute', () => {
  const routes = ['/api/config', '/api/uniphore/unique-id/:attribute/:value', '/api/sim/*', '/*', '/'];

  it.each([
    ['/api/config', '/api/config'],
    ['/api', '/api/config'],
    ['/api/uniphore/unique-id/dtmf', '/api/uniphore/unique-id/:attribute/:value'],
    ['/api/sim', '/api/sim/*'],
    ['/api/sim/calls', '/api/sim/*'],
  ])('%s collides with %s', (prefix, route) => {
    expect(collidingRoute(prefix, routes)).toBe(route);
  });

  it.each(['/cometd', '/api/configx', '/api/uniphore/unique-idx', '/api/simulator'])(
    '%s collides with nothing',
    (prefix) => {
      expect(collidingRoute(prefix, routes)).toBeUndefined();
    },
  );
});

describe('npm start with a colliding GWS_NOTIFICATIONS_PATH', () => {
  it('names it and exits 2, as for any other bad setting', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/main.ts', '--dev'], {
      env: {
        PATH: process.env.PATH,
        GWS_NOTIFICATIONS_PATH: '/api/history/framing',
        LOG_LEVEL: 'silent',
        PORT: '0',
      },
      timeout: 20_000,
    });
    const failure = await run.then(
      () => undefined,
      (error: { code?: number; stderr?: string; killed?: boolean }) => error,
    );
    expect(failure).toMatchObject({ code: 2, killed: false });
    expect(failure?.stderr).toMatch(/^Configuration error: GWS_NOTIFICATIONS_PATH: must lie outside/m);
  }, 30_000);
});
