// Every setting comes from the environment and is validated once, at start-up: a bad value names
// itself and the process never half-starts. The settings are declared in settings.ts; this module
// adds the rules that join several of them and shapes the result, immutable, secrets wrapped.
import path from 'node:path';
import { type LookupStep, parseLookupOrder } from '../shared/lookup-order';
import type { WidgetConfig } from '../shared/widget-config';
import { ConfigError, type ConfigIssue } from './config-error';
import { Secret } from './secret';
import type { JwtAlgorithm, LOG_LEVELS, Settings } from './settings';
import { type Env, readSettings } from './settings-reader';

export { ConfigError, type ConfigIssue } from './config-error';
export { JWT_ALGORITHMS, type JwtAlgorithm, LOG_LEVELS } from './settings';

export type UniphoreTransport = Settings['UNIPHORE_TRANSPORT'];
export type ProxyAuthMode = Settings['PROXY_AUTH'];
export type LogLevel = (typeof LOG_LEVELS)[number];
export type UcsFields = WidgetConfig['ucsFields'];

export interface JwtSettings {
  /** Where the issuer publishes its signing keys (JSON Web Key Set). */
  readonly jwksUrl: string;
  readonly issuer: string;
  /** A token is accepted when its `aud` names any of these. */
  readonly audience: readonly string[];
  readonly clockToleranceS: number;
  readonly algorithms: readonly JwtAlgorithm[];
  /** Top-level claim holding the user's roles (an array, or a space/comma separated string). */
  readonly rolesClaim: string;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** Absolute path of the built widget (Vite's dist/). */
  readonly staticDir: string;
  readonly gws: {
    /** Base URL without a trailing slash; `/api/v2/*` is appended by the passthrough. */
    readonly url: string;
    /** CometD endpoint path on this origin, handed to the widget. */
    readonly notificationsPath: string;
  };
  readonly uniphore: {
    /** Base URL without a trailing slash. */
    readonly url: string;
    readonly accountId: string;
    readonly apiVersion: string;
    readonly tenantId: string;
    readonly applicationKey: Secret;
    readonly environmentName: string;
    readonly transport: UniphoreTransport;
    readonly timeoutMs: number;
    /** Interval of the keep-warm request; 0: connections are not kept warm. */
    readonly keepWarmMs: number;
    readonly keepWarmConnections: number;
  };
  readonly lookup: {
    readonly order: readonly LookupStep[];
    /** 0 disables the cache of found ids. */
    readonly cacheTtlMs: number;
    readonly rateLimitPerMinute: number;
  };
  readonly history: {
    /** Contains `{uniqueId}`. */
    readonly urlTemplate: string;
    readonly origin: string;
    /** How long a framing check of the history origin is reused; 0 checks every time. */
    readonly framingCacheMs: number;
    /** The widget warms its history frame's connection (HISTORY_WARMUP*). */
    readonly warmup: {
      readonly mode: 'ring' | 'idle' | 'off';
      readonly url: string;
      readonly intervalMs: number;
    };
  };
  readonly ucs: {
    readonly timeoutMs: number;
    readonly fields: UcsFields;
  };
  /** Inside Workspace Web Edition (the widget at `?mode=embedded&host=wwe`). */
  readonly wwe: {
    /** Attached-data key the found unique ID is written to; unset: no write-back. */
    readonly writeBackKey: string | undefined;
    /** A WWE toast when a history is found while the widget is not visible. */
    readonly toast: boolean;
  };
  /** CALLER_NUMBER_REGION: `auto`, `off` or an ISO 3166 region (display of caller numbers only). */
  readonly callerNumberRegion: string;
  readonly auth: {
    readonly mode: ProxyAuthMode;
    /** Set exactly when mode is `token`. */
    readonly token: Secret | undefined;
    /** Set exactly when mode is `jwt`. */
    readonly jwt: JwtSettings | undefined;
    readonly allowUnauthenticated: boolean;
  };
  /** CSP frame-ancestors sources, e.g. `'self'` or `https://desktop.example.com`. */
  readonly frameAncestors: readonly string[];
  /** Exact origins allowed cross-origin; empty = CORS closed. */
  readonly corsOrigins: readonly string[];
  /** Largest request bodies the GWS passthrough forwards (the CometD path has its own). */
  readonly passthrough: { readonly bodyLimitBytes: number; readonly notificationsBodyLimitBytes: number };
  /** Load balancers in front of the proxy whose X-Forwarded-* headers are believed. */
  readonly trustProxyHops: number;
  /** Where Prometheus reads GET /metrics: a private listener, the main port behind a token, both or neither. */
  readonly metrics: {
    /** Port of the metrics-only listener; unset: none. */
    readonly port: number | undefined;
    readonly host: string;
    /** Opens /metrics on the main port; unset: /metrics answers 404 there. */
    readonly token: Secret | undefined;
  };
  /** OpenTelemetry traces: on exactly when an OTLP/HTTP endpoint is set. */
  readonly tracing: { readonly otlpEndpoint: string | undefined };
  /** Redis shared by the replicas; undefined: every replica on its own, in-process. A Secret: the URL may carry a password. */
  readonly redisUrl: Secret | undefined;
  /** The supervisors' team feed (POST /api/pops, GET /api/pops/stream). */
  readonly feed: {
    /** A user holding any of these roles may watch the stream. */
    readonly supervisorRoles: readonly string[];
    /** Replay bound on (re)connect: at most this many pops... */
    readonly backlog: number;
    /** ...and none older than this. */
    readonly backlogMaxAgeMs: number;
    readonly heartbeatMs: number;
  };
  /** Users with any of these roles see the proxy-side checks of the diagnostics view. */
  readonly adminRoles: readonly string[];
  /** Set by main.ts when it started the embedded simulator. */
  readonly simulatorControlUrl: string | undefined;
}

/** Rules between settings, on the values that passed their own checks; each issue names the setting to change. */
function crossChecks(values: Partial<Settings>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (values.PROXY_AUTH === 'token' && values.PROXY_TOKEN === undefined) {
    issues.push({ setting: 'PROXY_TOKEN', message: 'required' });
  }
  if (values.PROXY_AUTH === 'jwt') {
    for (const setting of ['JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'] as const) {
      if (values[setting] === undefined) issues.push({ setting, message: 'required' });
    }
  }
  if (
    values.PROXY_AUTH === 'none' &&
    values.SIMULATOR_CONTROL_URL === undefined &&
    values.PROXY_ALLOW_UNAUTHENTICATED !== true
  ) {
    issues.push({
      setting: 'PROXY_AUTH',
      message:
        'none lets anyone query Uniphore through this proxy; it is only allowed with the embedded simulator or with PROXY_ALLOW_UNAUTHENTICATED=true',
    });
  }
  if (values.UNIPHORE_KEEP_WARM_MS !== undefined && values.UNIPHORE_KEEP_WARM_MS > 0) {
    if (values.UNIPHORE_KEEP_WARM_MS < 1000) {
      issues.push({ setting: 'UNIPHORE_KEEP_WARM_MS', message: 'must be 0 (off) or 1000..600000' });
    }
  }
  if (
    values.HISTORY_WARMUP_URL !== undefined &&
    values.HISTORY_URL_TEMPLATE !== undefined &&
    new URL(values.HISTORY_WARMUP_URL).origin !== historyOrigin(values.HISTORY_URL_TEMPLATE)
  ) {
    issues.push({
      setting: 'HISTORY_WARMUP_URL',
      message:
        'must be on the history site (the origin of HISTORY_URL_TEMPLATE): the warm-up only pays in its partition',
    });
  }
  if (values.METRICS_PORT !== undefined && values.METRICS_PORT !== 0 && values.METRICS_PORT === values.PORT) {
    issues.push({
      setting: 'METRICS_PORT',
      message: 'must differ from PORT (the metrics listener is a second one)',
    });
  }
  if (values.METRICS_TOKEN !== undefined && values.METRICS_TOKEN === values.PROXY_TOKEN) {
    issues.push({
      setting: 'METRICS_TOKEN',
      message: 'must differ from PROXY_TOKEN: every lookup client would be able to read the metrics',
    });
  }
  return issues;
}

const historyOrigin = (template: string) => new URL(template.replaceAll('{uniqueId}', 'x')).origin;

function ucsFields(values: Settings): UcsFields {
  const fields: UcsFields = {};
  if (values.UCS_CONTACT_ID_KEY !== undefined) fields.contactId = values.UCS_CONTACT_ID_KEY;
  if (values.UCS_PARENT_ID_KEY !== undefined) fields.parentId = values.UCS_PARENT_ID_KEY;
  if (values.UCS_THREAD_ID_KEY !== undefined) fields.threadId = values.UCS_THREAD_ID_KEY;
  if (values.UCS_SUBJECT_KEY !== undefined) fields.subject = values.UCS_SUBJECT_KEY;
  return fields;
}

export function loadConfig(env: Env): Config {
  const read = readSettings(env);
  const named = new Set(read.issues.map((issue) => issue.setting));
  // A setting already reported as malformed is not also reported as missing.
  const issues = [...read.issues, ...crossChecks(read.values).filter((issue) => !named.has(issue.setting))];
  if (issues.length > 0) {
    // By name: the report reads the same whatever order the settings are declared in.
    throw new ConfigError(
      issues.sort((a, b) => (a.setting < b.setting ? -1 : a.setting > b.setting ? 1 : 0)),
    );
  }
  // Every required setting was present and valid, or there would have been an issue.
  const v = read.values as Settings;
  const mode = v.PROXY_AUTH;
  return Object.freeze({
    port: v.PORT,
    host: v.HOST,
    logLevel: v.LOG_LEVEL,
    staticDir: path.resolve(v.STATIC_DIR),
    gws: Object.freeze({ url: v.GWS_URL, notificationsPath: v.GWS_NOTIFICATIONS_PATH }),
    uniphore: Object.freeze({
      url: v.UNIPHORE_URL,
      accountId: v.UNIPHORE_ACCOUNT_ID,
      apiVersion: v.UNIPHORE_API_VERSION,
      tenantId: v.UNIPHORE_TENANT_ID,
      applicationKey: new Secret(v.UNIPHORE_APPLICATION_KEY),
      environmentName: v.UNIPHORE_ENVIRONMENT_NAME,
      transport: v.UNIPHORE_TRANSPORT,
      timeoutMs: v.UNIPHORE_TIMEOUT_MS,
      keepWarmMs: v.UNIPHORE_KEEP_WARM_MS,
      keepWarmConnections: v.UNIPHORE_KEEP_WARM_CONNECTIONS,
    }),
    lookup: Object.freeze({
      order: Object.freeze(parseLookupOrder(v.LOOKUP_ORDER)),
      cacheTtlMs: v.LOOKUP_CACHE_TTL_MS,
      rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    }),
    history: Object.freeze({
      urlTemplate: v.HISTORY_URL_TEMPLATE,
      origin: historyOrigin(v.HISTORY_URL_TEMPLATE),
      framingCacheMs: v.HISTORY_FRAMING_CACHE_MS,
      warmup: Object.freeze({
        mode: v.HISTORY_WARMUP,
        url: v.HISTORY_WARMUP_URL ?? new URL('/favicon.ico', historyOrigin(v.HISTORY_URL_TEMPLATE)).href,
        intervalMs: v.HISTORY_WARMUP_INTERVAL_MS,
      }),
    }),
    ucs: Object.freeze({ timeoutMs: v.UCS_TIMEOUT_MS, fields: Object.freeze(ucsFields(v)) }),
    wwe: Object.freeze({ writeBackKey: v.WWE_WRITE_BACK_KEY, toast: v.WWE_TOAST }),
    callerNumberRegion: v.CALLER_NUMBER_REGION,
    auth: Object.freeze({
      mode,
      // Only the mode that uses it carries it: a token set for another mode is not a credential.
      token: mode === 'token' ? new Secret(v.PROXY_TOKEN!) : undefined,
      jwt:
        mode === 'jwt'
          ? Object.freeze({
              jwksUrl: v.JWT_JWKS_URL!,
              issuer: v.JWT_ISSUER!,
              audience: Object.freeze([...new Set(v.JWT_AUDIENCE!)]),
              clockToleranceS: v.JWT_CLOCK_TOLERANCE_S,
              algorithms: Object.freeze(v.JWT_ALGORITHMS as JwtAlgorithm[]),
              rolesClaim: v.JWT_ROLES_CLAIM,
            })
          : undefined,
      allowUnauthenticated: v.PROXY_ALLOW_UNAUTHENTICATED,
    }),
    frameAncestors: Object.freeze(v.FRAME_ANCESTORS),
    corsOrigins: Object.freeze(v.CORS_ORIGINS),
    passthrough: Object.freeze({
      bodyLimitBytes: v.PASSTHROUGH_BODY_LIMIT_BYTES,
      notificationsBodyLimitBytes: v.NOTIFICATIONS_BODY_LIMIT_BYTES,
    }),
    trustProxyHops: v.TRUST_PROXY_HOPS,
    metrics: Object.freeze({
      port: v.METRICS_PORT,
      host: v.METRICS_HOST,
      token: v.METRICS_TOKEN === undefined ? undefined : new Secret(v.METRICS_TOKEN),
    }),
    tracing: Object.freeze({ otlpEndpoint: v.OTEL_EXPORTER_OTLP_ENDPOINT }),
    simulatorControlUrl: v.SIMULATOR_CONTROL_URL,
    adminRoles: Object.freeze([...new Set(v.ADMIN_ROLES)]),
    redisUrl: v.REDIS_URL === undefined ? undefined : new Secret(v.REDIS_URL),
    feed: Object.freeze({
      supervisorRoles: Object.freeze([...new Set(v.SUPERVISOR_ROLES)]),
      backlog: v.FEED_BACKLOG,
      backlogMaxAgeMs: v.FEED_BACKLOG_MAX_AGE_S * 1000,
      heartbeatMs: v.FEED_HEARTBEAT_MS,
    }),
  });
}
