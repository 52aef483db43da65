import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOOKUP_ORDER, parseLookupOrder } from '../../shared/lookup-order';
import { ConfigError, loadConfig } from '../config';
import { TEST_APPLICATION_KEY, TEST_PROXY_TOKEN, testEnv } from './support/env';

const minimal = {
  GWS_URL: 'https://gws.example.com/',
  UNIPHORE_URL: 'https://gointeract.io',
  UNIPHORE_ACCOUNT_ID: '12345678',
  UNIPHORE_TENANT_ID: 'tenant',
  UNIPHORE_APPLICATION_KEY: TEST_APPLICATION_KEY,
  UNIPHORE_ENVIRONMENT_NAME: 'prod',
  HISTORY_URL_TEMPLATE: 'https://gointeract.io/interact/history/{uniqueId}',
};

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(minimal);
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.gws).toEqual({
      url: 'https://gws.example.com',
      notificationsPath: '/api/v2/notifications',
    });
    expect(config.uniphore).toMatchObject({ apiVersion: '2', transport: 'rest', timeoutMs: 5000 });
    expect(config.lookup.order).toEqual(parseLookupOrder(DEFAULT_LOOKUP_ORDER));
    expect(config.lookup.cacheTtlMs).toBe(30000);
    expect(config.lookup.rateLimitPerMinute).toBe(600);
    expect(config.ucs).toEqual({ timeoutMs: 10000, fields: {} });
    expect(config.history.origin).toBe('https://gointeract.io');
    expect(config.frameAncestors).toEqual(["'self'"]);
    expect(config.corsOrigins).toEqual([]);
    expect(config.auth).toEqual({ mode: 'gws', token: undefined, allowUnauthenticated: false });
    expect(config.logLevel).toBe('info');
    expect(config.staticDir).toMatch(/[/\\]dist$/);
    expect(config.simulatorControlUrl).toBeUndefined();
  });

  it('reads every setting', () => {
    const config = loadConfig({
      ...minimal,
      PORT: '9000',
      HOST: '0.0.0.0',
      GWS_NOTIFICATIONS_PATH: '/genesys/cometd',
      UNIPHORE_API_VERSION: '3',
      UNIPHORE_TRANSPORT: 'soap',
      UNIPHORE_TIMEOUT_MS: '2500',
      LOOKUP_ORDER: 'dtmf=userData.DTMF, callReturn=ani',
      UCS_TIMEOUT_MS: '15000',
      UCS_CONTACT_ID_KEY: 'ContactId',
      UCS_SUBJECT_KEY: 'Subject',
      FRAME_ANCESTORS: "'self', https://desktop.example.com https://*.example.org:8443",
      PROXY_AUTH: 'token',
      PROXY_TOKEN: TEST_PROXY_TOKEN,
      LOOKUP_CACHE_TTL_MS: '0',
      RATE_LIMIT_PER_MINUTE: '60',
      CORS_ORIGINS: 'https://desktop.example.com,https://other.example.com',
      STATIC_DIR: '/srv/widget',
      LOG_LEVEL: 'debug',
      SIMULATOR_CONTROL_URL: 'http://127.0.0.1:41234/sim',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      gws: { notificationsPath: '/genesys/cometd' },
      uniphore: { apiVersion: '3', transport: 'soap', timeoutMs: 2500 },
      lookup: {
        order: [
          { attribute: 'dtmf', source: 'userData.DTMF' },
          { attribute: 'callReturn', source: 'ani' },
        ],
        cacheTtlMs: 0,
        rateLimitPerMinute: 60,
      },
      ucs: { timeoutMs: 15000, fields: { contactId: 'ContactId', subject: 'Subject' } },
      frameAncestors: ["'self'", 'https://desktop.example.com', 'https://*.example.org:8443'],
      corsOrigins: ['https://desktop.example.com', 'https://other.example.com'],
      staticDir: '/srv/widget',
      logLevel: 'debug',
      simulatorControlUrl: 'http://127.0.0.1:41234/sim',
      auth: { mode: 'token' },
    });
    expect(config.auth.token?.reveal()).toBe(TEST_PROXY_TOKEN);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ...minimal, PORT: '', UNIPHORE_TRANSPORT: ' ' }).port).toBe(8080);
  });

  it.each([
    ['GWS_URL', { GWS_URL: undefined }, /^GWS_URL: required$/],
    ['UNIPHORE_URL', { UNIPHORE_URL: 'ftp://x' }, /^UNIPHORE_URL: must be an http\(s\) URL$/],
    ['UNIPHORE_URL', { UNIPHORE_URL: 'https://user:pw@x' }, /^UNIPHORE_URL: must not contain credentials$/],
    ['UNIPHORE_ACCOUNT_ID', { UNIPHORE_ACCOUNT_ID: '12/../34' }, /^UNIPHORE_ACCOUNT_ID: /],
    ['UNIPHORE_API_VERSION', { UNIPHORE_API_VERSION: '..' }, /^UNIPHORE_API_VERSION: /],
    ['UNIPHORE_TENANT_ID', { UNIPHORE_TENANT_ID: undefined }, /^UNIPHORE_TENANT_ID: required$/],
    [
      'UNIPHORE_APPLICATION_KEY',
      { UNIPHORE_APPLICATION_KEY: 'a\r\nX-Injected: 1' },
      /^UNIPHORE_APPLICATION_KEY: /,
    ],
    ['UNIPHORE_ENVIRONMENT_NAME', { UNIPHORE_ENVIRONMENT_NAME: 'é' }, /^UNIPHORE_ENVIRONMENT_NAME: /],
    ['UNIPHORE_TRANSPORT', { UNIPHORE_TRANSPORT: 'grpc' }, /^UNIPHORE_TRANSPORT: must be one of rest, soap$/],
    [
      'UNIPHORE_TIMEOUT_MS',
      { UNIPHORE_TIMEOUT_MS: '99' },
      /^UNIPHORE_TIMEOUT_MS: must be an integer 100\.\.60000$/,
    ],
    [
      'UNIPHORE_TIMEOUT_MS',
      { UNIPHORE_TIMEOUT_MS: '5s' },
      /^UNIPHORE_TIMEOUT_MS: must be an integer 100\.\.60000$/,
    ],
    ['LOOKUP_ORDER', { LOOKUP_ORDER: 'foo=ani' }, /^LOOKUP_ORDER: "foo" is not one of/],
    ['UCS_TIMEOUT_MS', { UCS_TIMEOUT_MS: '-1' }, /^UCS_TIMEOUT_MS: /],
    ['UCS_THREAD_ID_KEY', { UCS_THREAD_ID_KEY: 'a\u0007b' }, /^UCS_THREAD_ID_KEY: /],
    [
      'HISTORY_URL_TEMPLATE',
      { HISTORY_URL_TEMPLATE: 'https://h.example.com/history' },
      /must contain \{uniqueId\}/,
    ],
    [
      'HISTORY_URL_TEMPLATE',
      { HISTORY_URL_TEMPLATE: 'https://{uniqueId}.example.com/' },
      /not be part of the origin/,
    ],
    [
      'HISTORY_URL_TEMPLATE',
      { HISTORY_URL_TEMPLATE: 'javascript:{uniqueId}' },
      /^HISTORY_URL_TEMPLATE: must be an http/,
    ],
    ['FRAME_ANCESTORS', { FRAME_ANCESTORS: '*' }, /^FRAME_ANCESTORS: "\*" is not/],
    [
      'FRAME_ANCESTORS',
      { FRAME_ANCESTORS: "'none' https://a.example.com" },
      /^FRAME_ANCESTORS: 'none' cannot/,
    ],
    ['PROXY_AUTH', { PROXY_AUTH: 'basic' }, /^PROXY_AUTH: must be one of gws, token, none$/],
    ['PROXY_TOKEN', { PROXY_AUTH: 'token' }, /^PROXY_TOKEN: required$/],
    ['PROXY_TOKEN', { PROXY_AUTH: 'token', PROXY_TOKEN: 'short' }, /^PROXY_TOKEN: must be 32\.\.512/],
    ['PROXY_ALLOW_UNAUTHENTICATED', { PROXY_ALLOW_UNAUTHENTICATED: 'yes' }, /^PROXY_ALLOW_UNAUTHENTICATED: /],
    ['LOOKUP_CACHE_TTL_MS', { LOOKUP_CACHE_TTL_MS: '1.5' }, /^LOOKUP_CACHE_TTL_MS: /],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: '0' }, /^RATE_LIMIT_PER_MINUTE: /],
    ['CORS_ORIGINS', { CORS_ORIGINS: '*' }, /^CORS_ORIGINS: "\*" is not/],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://a.example.com/path' }, /^CORS_ORIGINS: /],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }, /^LOG_LEVEL: must be one of/],
    ['PORT', { PORT: '70000' }, /^PORT: must be an integer 0\.\.65535$/],
    [
      'GWS_NOTIFICATIONS_PATH',
      { GWS_NOTIFICATIONS_PATH: '/api/v2/../uniphore' },
      /^GWS_NOTIFICATIONS_PATH: /,
    ],
    ['GWS_NOTIFICATIONS_PATH', { GWS_NOTIFICATIONS_PATH: 'notifications' }, /^GWS_NOTIFICATIONS_PATH: /],
    ['SIMULATOR_CONTROL_URL', { SIMULATOR_CONTROL_URL: 'nope' }, /^SIMULATOR_CONTROL_URL: /],
  ])('names %s when it is bad', (setting, overrides, message) => {
    const error = configError({ ...minimal, ...overrides });
    expect(error.message).toMatch(message);
    expect(error.issues.map((i) => i.setting)).toContain(setting);
    expect(error.message).not.toContain(TEST_APPLICATION_KEY);
  });

  it('reports every bad setting at once', () => {
    const error = configError({ ...minimal, PORT: 'x', LOG_LEVEL: 'loud' });
    expect(error.issues.map((i) => i.setting)).toEqual(['LOG_LEVEL', 'PORT']);
  });

  describe('PROXY_AUTH=none', () => {
    it('is refused without the simulator', () => {
      expect(configError({ ...minimal, PROXY_AUTH: 'none' }).message).toMatch(/^PROXY_AUTH: none/);
    });
    it('is allowed with the embedded simulator', () => {
      const env = { ...minimal, PROXY_AUTH: 'none', SIMULATOR_CONTROL_URL: 'http://127.0.0.1:1/sim' };
      expect(loadConfig(env).auth.mode).toBe('none');
    });
    it('is allowed with PROXY_ALLOW_UNAUTHENTICATED=true', () => {
      const env = { ...minimal, PROXY_AUTH: 'none', PROXY_ALLOW_UNAUTHENTICATED: 'true' };
      expect(loadConfig(env).auth.mode).toBe('none');
    });
  });

  it('never prints secrets when the config is logged or serialised', () => {
    const config = loadConfig(testEnv());
    expect(JSON.stringify(config)).not.toContain(TEST_APPLICATION_KEY);
    expect(JSON.stringify(config)).not.toContain(TEST_PROXY_TOKEN);
    expect(inspect(config, { depth: 10 })).not.toContain(TEST_APPLICATION_KEY);
    expect(String(config.uniphore.applicationKey)).toBe('[redacted]');
    expect(config.uniphore.applicationKey.reveal()).toBe(TEST_APPLICATION_KEY);
  });

  it('is immutable', () => {
    const config = loadConfig(minimal);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.uniphore)).toBe(true);
  });
});
