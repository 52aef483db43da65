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

const jwt = {
  PROXY_AUTH: 'jwt',
  JWT_JWKS_URL: 'https://auth.example.com/auth/v3/jwks',
  JWT_ISSUER: 'https://auth.example.com/auth',
  JWT_AUDIENCE: 'uniphore-history-widget',
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
    expect(config.uniphore).toMatchObject({
      apiVersion: '2',
      transport: 'rest',
      timeoutMs: 5000,
      keepWarmMs: 30000,
      keepWarmConnections: 3,
    });
    expect(config.lookup.order).toEqual(parseLookupOrder(DEFAULT_LOOKUP_ORDER));
    expect(config.lookup.cacheTtlMs).toBe(30000);
    expect(config.lookup.rateLimitPerMinute).toBe(600);
    expect(config.ucs).toEqual({ timeoutMs: 10000, fields: {} });
    expect(config.history.origin).toBe('https://gointeract.io');
    expect(config.history.warmup).toEqual({
      mode: 'idle',
      url: 'https://gointeract.io/favicon.ico',
      intervalMs: 30000,
    });
    expect(config.frameAncestors).toEqual(["'self'"]);
    expect(config.corsOrigins).toEqual([]);
    expect(config.auth).toEqual({ mode: 'gws', token: undefined, allowUnauthenticated: false });
    expect(config.logLevel).toBe('info');
    expect(config.staticDir).toMatch(/[/\\]dist$/);
    expect(config.simulatorControlUrl).toBeUndefined();
    expect(config.passthrough).toEqual({ bodyLimitBytes: 1_048_576, notificationsBodyLimitBytes: 262_144 });
    expect(config.trustProxyHops).toBe(0);
    expect(config.redisUrl).toBeUndefined();
    expect(config.feed).toEqual({
      supervisorRoles: ['ROLE_SUPERVISOR', 'ROLE_ADMIN'],
      backlog: 2000,
      backlogMaxAgeMs: 3_600_000,
      heartbeatMs: 15_000,
    });
  });

  it('reads the team feed and Redis settings, and keeps a password in REDIS_URL out of every print', () => {
    const config = loadConfig({
      ...minimal,
      REDIS_URL: 'rediss://:s3cret-redis-pass@redis.internal:6380/2',
      SUPERVISOR_ROLES: 'ROLE_LEAD, ROLE_SUPERVISOR,ROLE_LEAD',
      FEED_BACKLOG: '50',
      FEED_BACKLOG_MAX_AGE_S: '60',
      FEED_HEARTBEAT_MS: '5000',
    });
    expect(config.redisUrl?.reveal()).toBe('rediss://:s3cret-redis-pass@redis.internal:6380/2');
    expect(JSON.stringify(config)).not.toContain('s3cret');
    expect(inspect(config, { depth: 10 })).not.toContain('s3cret');
    expect(config.feed).toEqual({
      supervisorRoles: ['ROLE_LEAD', 'ROLE_SUPERVISOR'],
      backlog: 50,
      backlogMaxAgeMs: 60_000,
      heartbeatMs: 5_000,
    });
    for (const [setting, value, message] of [
      ['REDIS_URL', 'http://redis.internal:6379', 'must be a redis:// or rediss:// URL'],
      ['REDIS_URL', 'redis://', 'must name a host'],
      ['FEED_BACKLOG', '0', 'must be an integer 1..100000'],
      ['FEED_HEARTBEAT_MS', '50', 'must be an integer 100..300000'],
    ] as const) {
      expect(() => loadConfig({ ...minimal, [setting]: value }), `${setting}=${value}`).toThrow(message);
    }
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
      UNIPHORE_KEEP_WARM_MS: '0',
      UNIPHORE_KEEP_WARM_CONNECTIONS: '5',
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
      PASSTHROUGH_BODY_LIMIT_BYTES: '65536',
      NOTIFICATIONS_BODY_LIMIT_BYTES: '32768',
      TRUST_PROXY_HOPS: '2',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      gws: { notificationsPath: '/genesys/cometd' },
      uniphore: {
        apiVersion: '3',
        transport: 'soap',
        timeoutMs: 2500,
        keepWarmMs: 0,
        keepWarmConnections: 5,
      },
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
      passthrough: { bodyLimitBytes: 65536, notificationsBodyLimitBytes: 32768 },
      trustProxyHops: 2,
    });
    expect(config.auth.token?.reveal()).toBe(TEST_PROXY_TOKEN);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ...minimal, PORT: '', UNIPHORE_TRANSPORT: ' ' }).port).toBe(8080);
  });

  it('refuses a warm-up URL off the history site: it would warm nothing the history frame uses', () => {
    expect(
      configError({ ...minimal, HISTORY_WARMUP_URL: 'https://elsewhere.example/favicon.ico' }).message,
    ).toMatch(/HISTORY_WARMUP_URL: must be on the history site/);
    expect(() =>
      loadConfig({ ...minimal, HISTORY_WARMUP: 'idle', HISTORY_WARMUP_INTERVAL_MS: '60000' }),
    ).not.toThrow();
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
    [
      'UNIPHORE_KEEP_WARM_MS',
      { UNIPHORE_KEEP_WARM_MS: '500' },
      /^UNIPHORE_KEEP_WARM_MS: must be 0 \(off\) or 1000\.\.600000$/,
    ],
    [
      'UNIPHORE_KEEP_WARM_CONNECTIONS',
      { UNIPHORE_KEEP_WARM_CONNECTIONS: '0' },
      /^UNIPHORE_KEEP_WARM_CONNECTIONS: must be an integer 1\.\.16$/,
    ],
    ['LOOKUP_ORDER', { LOOKUP_ORDER: 'foo=ani' }, /^LOOKUP_ORDER: "foo" is not one of/],
    ['UCS_TIMEOUT_MS', { UCS_TIMEOUT_MS: '-1' }, /^UCS_TIMEOUT_MS: /],
    [
      'PASSTHROUGH_BODY_LIMIT_BYTES',
      { PASSTHROUGH_BODY_LIMIT_BYTES: '1mb' },
      /^PASSTHROUGH_BODY_LIMIT_BYTES: must be an integer 1024\.\.104857600$/,
    ],
    [
      'NOTIFICATIONS_BODY_LIMIT_BYTES',
      { NOTIFICATIONS_BODY_LIMIT_BYTES: '0' },
      /^NOTIFICATIONS_BODY_LIMIT_BYTES: /,
    ],
    ['TRUST_PROXY_HOPS', { TRUST_PROXY_HOPS: 'true' }, /^TRUST_PROXY_HOPS: must be an integer 0\.\.10$/],
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
    ['PROXY_AUTH', { PROXY_AUTH: 'basic' }, /^PROXY_AUTH: must be one of gws, token, jwt, none$/],
    [
      'JWT_JWKS_URL',
      { PROXY_AUTH: 'jwt' },
      /^JWT_AUDIENCE: required; JWT_ISSUER: required; JWT_JWKS_URL: required$/,
    ],
    [
      'JWT_JWKS_URL',
      { ...jwt, JWT_JWKS_URL: 'ftp://auth.example.com/keys' },
      /^JWT_JWKS_URL: must be an http/,
    ],
    ['JWT_ISSUER', { ...jwt, JWT_ISSUER: 'an issuer' }, /^JWT_ISSUER: must be 1\.\.512 visible/],
    ['JWT_AUDIENCE', { ...jwt, JWT_AUDIENCE: ' , ' }, /^JWT_AUDIENCE: must be a comma-separated list/],
    [
      'JWT_CLOCK_TOLERANCE_S',
      { ...jwt, JWT_CLOCK_TOLERANCE_S: '301' },
      /^JWT_CLOCK_TOLERANCE_S: must be an integer 0\.\.300$/,
    ],
    [
      'JWT_ALGORITHMS',
      { ...jwt, JWT_ALGORITHMS: 'RS256,HS256' },
      /^JWT_ALGORITHMS: HS256 not accepted: only asymmetric/,
    ],
    ['JWT_ALGORITHMS', { ...jwt, JWT_ALGORITHMS: 'none' }, /^JWT_ALGORITHMS: none not accepted/],
    ['JWT_ROLES_CLAIM', { ...jwt, JWT_ROLES_CLAIM: 'my roles' }, /^JWT_ROLES_CLAIM: must be a claim name/],
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

  describe('PROXY_AUTH=jwt', () => {
    it('applies the documented defaults', () => {
      expect(loadConfig({ ...minimal, ...jwt }).auth).toEqual({
        mode: 'jwt',
        token: undefined,
        allowUnauthenticated: false,
        jwt: {
          jwksUrl: 'https://auth.example.com/auth/v3/jwks',
          issuer: 'https://auth.example.com/auth',
          audience: ['uniphore-history-widget'],
          clockToleranceS: 30,
          algorithms: ['RS256', 'ES256'],
          rolesClaim: 'roles',
        },
      });
    });
    it('reads every JWT setting', () => {
      const config = loadConfig({
        ...minimal,
        ...jwt,
        JWT_AUDIENCE: 'widget, desktop ,widget',
        JWT_CLOCK_TOLERANCE_S: '0',
        JWT_ALGORITHMS: 'ES384 PS256,EdDSA',
        JWT_ROLES_CLAIM: 'https://example.com/roles',
      });
      expect(config.auth.jwt).toMatchObject({
        audience: ['widget', 'desktop'],
        clockToleranceS: 0,
        algorithms: ['ES384', 'PS256', 'EdDSA'],
        rolesClaim: 'https://example.com/roles',
      });
    });
    it('requires JWT settings only in jwt mode, but refuses a bad one in any mode', () => {
      expect(loadConfig({ ...minimal, JWT_ISSUER: 'https://issuer.example.com' }).auth.jwt).toBeUndefined();
      expect(configError({ ...minimal, JWT_ALGORITHMS: 'HS256' }).message).toMatch(
        /^JWT_ALGORITHMS: HS256 not accepted/,
      );
    });
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
