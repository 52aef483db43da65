// Every setting comes from the environment and is validated once, at start-up: a bad value names
// itself and the process never half-starts. The result is immutable and carries secrets wrapped.
import path from 'node:path';
import { DEFAULT_LOOKUP_ORDER, type LookupStep, parseLookupOrder } from '../shared/lookup-order';
import type { WidgetConfig } from '../shared/widget-config';
import { Secret } from './secret';

export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(issues.map((i) => `${i.setting}: ${i.message}`).join('; '));
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export interface ConfigIssue {
  setting: string;
  message: string;
}

export type UniphoreTransport = 'rest' | 'soap';
export type ProxyAuthMode = 'gws' | 'token' | 'jwt' | 'none';
/**
 * Asymmetric JWS algorithms only: the keys come from a public JWKS, so an HMAC algorithm would let
 * anyone holding that public key material sign tokens, and `none` signs nothing.
 */
export const JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

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
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type UcsFields = WidgetConfig['ucsFields'];

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
  };
  /** Inside Workspace Web Edition (the widget at `?mode=embedded&host=wwe`). */
  readonly wwe: {
    /** Attached-data key the found unique ID is written to; unset: no write-back. */
    readonly writeBackKey: string | undefined;
    /** A WWE toast when a history is found while the widget is not visible. */
    readonly toast: boolean;
  };
  readonly ucs: {
    readonly timeoutMs: number;
    readonly fields: UcsFields;
  };
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
  /** Set by main.ts when it started the embedded simulator. */
  readonly simulatorControlUrl: string | undefined;
  /** Largest request bodies the GWS passthrough forwards (the CometD path has its own). */
  readonly passthrough: { readonly bodyLimitBytes: number; readonly notificationsBodyLimitBytes: number };
  /** Load balancers in front of the proxy whose X-Forwarded-* are believed; 0 trusts none. */
  readonly trustProxyHops: number;
}

type Env = Record<string, string | undefined>;

/** Header values must be visible ASCII: anything else could split or corrupt the upstream request. */
const HEADER_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;
const ORIGIN_SOURCE = /^https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$/;
const NOTIFICATIONS_PATH = /^\/[A-Za-z0-9._~\-/]*[A-Za-z0-9._~-]$/;
/** Paths the proxy answers itself; a notifications path there would shadow them. */
const RESERVED_PATHS = ['/api/uniphore', '/api/config', '/api/sim', '/assets', '/healthz', '/readyz'];

class Reader {
  readonly issues: ConfigIssue[] = [];

  constructor(private readonly env: Env) {}

  fail(setting: string, message: string): undefined {
    this.issues.push({ setting, message });
    return undefined;
  }

  /** Empty and blank values count as unset: `.env` files often carry `NAME=`. */
  raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string): string | undefined {
    const value = this.raw(name);
    return value === undefined ? this.fail(name, 'required') : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      this.fail(name, `must be an integer ${min}..${max}`);
      return fallback;
    }
    return parsed;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(name, `must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return value as T;
  }

  httpUrl(name: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.fail(name, 'must be an http(s) URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return this.fail(name, 'must be an http(s) URL');
    if (url.username || url.password) return this.fail(name, 'must not contain credentials');
    if (url.search || url.hash) return this.fail(name, 'must not contain a query or fragment');
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }

  headerValue(name: string, maxLength: number): string | undefined {
    const value = this.required(name);
    if (value === undefined) return undefined;
    if (value.length > maxLength || !HEADER_VALUE.test(value)) {
      return this.fail(name, `must be 1..${maxLength} visible ASCII characters`);
    }
    return value;
  }

  pathSegment(name: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (value.length > 128 || !PATH_SEGMENT.test(value) || value === '.' || value === '..') {
      return this.fail(name, 'must be 1..128 characters of A-Z a-z 0-9 . _ ~ -');
    }
    return value;
  }

  list(name: string): string[] | undefined {
    const value = this.raw(name);
    return value === undefined ? undefined : value.split(/[\s,]+/).filter(Boolean);
  }
}

function readFrameAncestors(r: Reader): string[] {
  const name = 'FRAME_ANCESTORS';
  const sources = r.list(name) ?? ["'self'"];
  for (const source of sources) {
    if (source !== "'self'" && source !== "'none'" && !ORIGIN_SOURCE.test(source)) {
      r.fail(
        name,
        `"${source}" is not 'self', 'none' or an http(s) origin such as https://desktop.example.com`,
      );
      return ["'self'"];
    }
  }
  if (sources.includes("'none'") && sources.length > 1) {
    r.fail(name, "'none' cannot be combined with other sources");
  }
  return [...new Set(sources)];
}

function readCorsOrigins(r: Reader): string[] {
  const name = 'CORS_ORIGINS';
  const origins = r.list(name) ?? [];
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (
      !parsed ||
      (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
      parsed.origin !== origin
    ) {
      r.fail(name, `"${origin}" is not an exact http(s) origin such as https://desktop.example.com`);
      return [];
    }
  }
  return [...new Set(origins)];
}

function readHistoryTemplate(r: Reader): { urlTemplate: string; origin: string } | undefined {
  const name = 'HISTORY_URL_TEMPLATE';
  const template = r.required(name);
  if (template === undefined) return undefined;
  if (!template.includes('{uniqueId}')) return r.fail(name, 'must contain {uniqueId}');
  let url: URL;
  try {
    url = new URL(template.replaceAll('{uniqueId}', 'x'));
  } catch {
    return r.fail(name, 'must be an http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return r.fail(name, 'must be an http(s) URL');
  if (url.username || url.password) return r.fail(name, 'must not contain credentials');
  // {uniqueId} in the host would let an upstream answer choose which origin gets framed.
  if (new URL(template.replaceAll('{uniqueId}', 'y')).origin !== url.origin) {
    return r.fail(name, '{uniqueId} must not be part of the origin');
  }
  return { urlTemplate: template, origin: url.origin };
}

function readNotificationsPath(r: Reader): string {
  const name = 'GWS_NOTIFICATIONS_PATH';
  const value = r.raw(name) ?? '/api/v2/notifications';
  const reserved = RESERVED_PATHS.some((p) => value === p || value.startsWith(`${p}/`));
  if (!NOTIFICATIONS_PATH.test(value) || value.split('/').some((s) => s === '.' || s === '..') || reserved) {
    r.fail(name, 'must be an absolute path such as /api/v2/notifications, outside the proxy’s own routes');
    return '/api/v2/notifications';
  }
  return value;
}

function readWwe(r: Reader): Config['wwe'] {
  const writeBackKey = r.raw('WWE_WRITE_BACK_KEY');
  if (writeBackKey !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/.test(writeBackKey)) {
    r.fail('WWE_WRITE_BACK_KEY', 'must be 1..64 characters of A-Z a-z 0-9 _ . -');
  }
  const toast = r.raw('WWE_TOAST') ?? 'false';
  if (toast !== 'true' && toast !== 'false') r.fail('WWE_TOAST', 'must be true or false');
  return { writeBackKey, toast: toast === 'true' };
}

function readUcsFields(r: Reader): UcsFields {
  const fields: UcsFields = {};
  const keys = [
    ['contactId', 'UCS_CONTACT_ID_KEY'],
    ['parentId', 'UCS_PARENT_ID_KEY'],
    ['threadId', 'UCS_THREAD_ID_KEY'],
    ['subject', 'UCS_SUBJECT_KEY'],
  ] as const;
  for (const [field, name] of keys) {
    const value = r.raw(name);
    if (value === undefined) continue;
    if (value.length > 128 || /\p{Cc}/u.test(value)) {
      r.fail(name, 'must be 1..128 characters without control characters');
      continue;
    }
    fields[field] = value;
  }
  return fields;
}

/** Issuer and audience are StringOrURI values: any visible text, compared exactly. */
const JWT_TEXT = /^[\x21-\x7e]{1,512}$/;

function readJwt(r: Reader): JwtSettings | undefined {
  const issuesBefore = r.issues.length;
  const jwksUrl = r.httpUrl('JWT_JWKS_URL', r.required('JWT_JWKS_URL'));
  const issuer = r.required('JWT_ISSUER');
  if (issuer !== undefined && !JWT_TEXT.test(issuer)) {
    r.fail('JWT_ISSUER', 'must be 1..512 visible ASCII characters');
  }
  const audienceText = r.required('JWT_AUDIENCE');
  const audience =
    audienceText
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean) ?? [];
  if (audienceText !== undefined && (audience.length === 0 || !audience.every((a) => JWT_TEXT.test(a)))) {
    r.fail('JWT_AUDIENCE', 'must be a comma-separated list of 1..512 visible ASCII characters each');
  }
  const clockToleranceS = r.integer('JWT_CLOCK_TOLERANCE_S', 30, 0, 300);
  const algorithms = (r.list('JWT_ALGORITHMS') ?? ['RS256', 'ES256']) as JwtAlgorithm[];
  const refused = algorithms.filter((a) => !(JWT_ALGORITHMS as readonly string[]).includes(a));
  if (refused.length > 0) {
    r.fail(
      'JWT_ALGORITHMS',
      `${refused.join(', ')} not accepted: only asymmetric algorithms (${JWT_ALGORITHMS.join(', ')}); never none or HS*, which a public key set cannot make safe`,
    );
  }
  const rolesClaim = r.raw('JWT_ROLES_CLAIM') ?? 'roles';
  if (!/^[\x21-\x7e]{1,128}$/.test(rolesClaim)) {
    r.fail('JWT_ROLES_CLAIM', 'must be a claim name of 1..128 visible ASCII characters');
  }
  if (jwksUrl === undefined || issuer === undefined || r.issues.length > issuesBefore) return undefined;
  return Object.freeze({
    jwksUrl,
    issuer,
    audience: Object.freeze([...new Set(audience)]),
    clockToleranceS,
    algorithms: Object.freeze([...new Set(algorithms)]),
    rolesClaim,
  });
}

function readAuth(r: Reader, simulatorInUse: boolean): Config['auth'] {
  const mode = r.oneOf<ProxyAuthMode>('PROXY_AUTH', ['gws', 'token', 'jwt', 'none'], 'gws');
  const allowRaw = r.raw('PROXY_ALLOW_UNAUTHENTICATED');
  if (allowRaw !== undefined && allowRaw !== 'true' && allowRaw !== 'false') {
    r.fail('PROXY_ALLOW_UNAUTHENTICATED', 'must be true or false');
  }
  const allowUnauthenticated = allowRaw === 'true';
  let token: Secret | undefined;
  if (mode === 'token') {
    const value = r.required('PROXY_TOKEN');
    if (value !== undefined) {
      if (value.length < 32 || value.length > 512 || !/^[\x21-\x7e]+$/.test(value)) {
        r.fail('PROXY_TOKEN', 'must be 32..512 visible ASCII characters');
      } else {
        token = new Secret(value);
      }
    }
  }
  const jwt = mode === 'jwt' ? readJwt(r) : undefined;
  if (mode === 'none' && !simulatorInUse && !allowUnauthenticated) {
    r.fail(
      'PROXY_AUTH',
      'none lets anyone query Uniphore through this proxy; it is only allowed with the embedded simulator or with PROXY_ALLOW_UNAUTHENTICATED=true',
    );
  }
  return { mode, token, jwt, allowUnauthenticated };
}

function readLookupOrder(r: Reader): LookupStep[] {
  const text = r.raw('LOOKUP_ORDER') ?? DEFAULT_LOOKUP_ORDER;
  try {
    return parseLookupOrder(text);
  } catch (error) {
    r.fail('LOOKUP_ORDER', error instanceof Error ? error.message : String(error));
    return parseLookupOrder(DEFAULT_LOOKUP_ORDER);
  }
}

export function loadConfig(env: Env): Config {
  const r = new Reader(env);

  const simulatorControlUrl = r.httpUrl('SIMULATOR_CONTROL_URL', r.raw('SIMULATOR_CONTROL_URL'));
  const gwsUrl = r.httpUrl('GWS_URL', r.required('GWS_URL'));
  const uniphoreUrl = r.httpUrl('UNIPHORE_URL', r.required('UNIPHORE_URL'));
  const accountId = r.pathSegment('UNIPHORE_ACCOUNT_ID', r.required('UNIPHORE_ACCOUNT_ID'));
  const apiVersion = r.pathSegment('UNIPHORE_API_VERSION', r.raw('UNIPHORE_API_VERSION') ?? '2');
  const tenantId = r.headerValue('UNIPHORE_TENANT_ID', 256);
  const applicationKey = r.headerValue('UNIPHORE_APPLICATION_KEY', 1024);
  const environmentName = r.headerValue('UNIPHORE_ENVIRONMENT_NAME', 256);
  const transport = r.oneOf<UniphoreTransport>('UNIPHORE_TRANSPORT', ['rest', 'soap'], 'rest');
  const uniphoreTimeoutMs = r.integer('UNIPHORE_TIMEOUT_MS', 5000, 100, 60000);
  const order = readLookupOrder(r);
  const ucsTimeoutMs = r.integer('UCS_TIMEOUT_MS', 10000, 100, 600000);
  const fields = readUcsFields(r);
  const wwe = readWwe(r);
  const history = readHistoryTemplate(r);
  const frameAncestors = readFrameAncestors(r);
  const auth = readAuth(r, simulatorControlUrl !== undefined);
  const cacheTtlMs = r.integer('LOOKUP_CACHE_TTL_MS', 30000, 0, 3600000);
  const framingCacheMs = r.integer('HISTORY_FRAMING_CACHE_MS', 300000, 0, 86400000);
  const rateLimitPerMinute = r.integer('RATE_LIMIT_PER_MINUTE', 600, 1, 1000000);
  const corsOrigins = readCorsOrigins(r);
  const staticDir = r.raw('STATIC_DIR') ?? 'dist';
  const logLevel = r.oneOf<LogLevel>('LOG_LEVEL', LOG_LEVELS, 'info');
  const port = r.integer('PORT', 8080, 0, 65535);
  const host = r.raw('HOST') ?? '127.0.0.1';
  if (/\s/.test(host)) r.fail('HOST', 'must be a host name or IP address');
  const notificationsPath = readNotificationsPath(r);
  const passthrough = {
    bodyLimitBytes: r.integer('PASSTHROUGH_BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    notificationsBodyLimitBytes: r.integer('NOTIFICATIONS_BODY_LIMIT_BYTES', 262_144, 1024, 104_857_600),
  };
  const trustProxyHops = r.integer('TRUST_PROXY_HOPS', 0, 0, 10);

  if (r.issues.length > 0) throw new ConfigError(r.issues);
  // Every required value was checked above; the assertions only narrow the types.
  return Object.freeze({
    port,
    host,
    logLevel,
    staticDir: path.resolve(staticDir),
    gws: Object.freeze({ url: gwsUrl!, notificationsPath }),
    uniphore: Object.freeze({
      url: uniphoreUrl!,
      accountId: accountId!,
      apiVersion: apiVersion!,
      tenantId: tenantId!,
      applicationKey: new Secret(applicationKey!),
      environmentName: environmentName!,
      transport,
      timeoutMs: uniphoreTimeoutMs,
    }),
    lookup: Object.freeze({ order: Object.freeze(order), cacheTtlMs, rateLimitPerMinute }),
    history: Object.freeze({ ...history!, framingCacheMs }),
    ucs: Object.freeze({ timeoutMs: ucsTimeoutMs, fields: Object.freeze(fields) }),
    wwe: Object.freeze(wwe),
    auth: Object.freeze(auth),
    frameAncestors: Object.freeze(frameAncestors),
    corsOrigins: Object.freeze(corsOrigins),
    simulatorControlUrl,
    passthrough: Object.freeze(passthrough),
    trustProxyHops,
  });
}
