// Every environment setting the proxy reads, declared once: name, type or format, default, and a
// one-line description. settings-reader.ts checks values against this schema, loadConfig() turns
// them into Config, and a test keeps .env.example listing exactly these names.
// Adding a setting is one entry here (plus where Config carries it).
import Type from 'typebox';
import { DEFAULT_LOOKUP_ORDER } from '../shared/lookup-order';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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

/** Issuer and audience are StringOrURI values: any visible text, compared exactly. */
const JWT_TEXT = '^[\\x21-\\x7e]{1,512}$';

/**
 * Keywords beyond JSON Schema that the reader understands:
 * - `errorMessage`: what a value that fails the schema is told (integers, enums and booleans get one
 *   from their bounds);
 * - `format`: a check a schema cannot express, run on values the schema accepted
 *   (settings-reader.ts, FORMATS).
 */
const integer = (minimum: number, maximum: number, fallback: number, description: string) =>
  Type.Integer({ minimum, maximum, default: fallback, description });

/** Header values must be visible ASCII: anything else could split or corrupt the upstream request. */
const headerValue = (maxLength: number, description: string) =>
  Type.String({
    pattern: '^[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?$',
    maxLength,
    errorMessage: `must be 1..${maxLength} visible ASCII characters`,
    description,
  });

/** A segment of Uniphore's REST path: unreserved URL characters, never a dot segment. */
const pathSegment = (description: string, fallback?: string) =>
  Type.String({
    pattern: '^(?!\\.\\.?$)[A-Za-z0-9._~-]+$',
    maxLength: 128,
    errorMessage: 'must be 1..128 characters of A-Z a-z 0-9 . _ ~ -',
    description,
    ...(fallback === undefined ? {} : { default: fallback }),
  });

/** A shared secret a caller presents as `Authorization: Bearer`: long enough not to be guessed. */
const bearerSecret = (description: string) =>
  Type.Optional(
    Type.String({
      pattern: '^[\\x21-\\x7e]+$',
      minLength: 32,
      maxLength: 512,
      errorMessage: 'must be 32..512 visible ASCII characters',
      description,
    }),
  );

const attachedDataKey = (field: string) =>
  Type.Optional(
    Type.String({
      pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]+$',
      maxLength: 128,
      errorMessage: 'must be 1..128 characters without control characters',
      description: `Attached-data key whose value feeds FindPhoneCall's ${field}; unset: not sent`,
    }),
  );

export const Settings = Type.Object({
  PORT: integer(0, 65535, 8080, 'TCP port the proxy listens on'),
  HOST: Type.String({
    pattern: '^\\S+$',
    default: '127.0.0.1',
    errorMessage: 'must be a host name or IP address',
    description: 'Interface to bind (0.0.0.0 in a container)',
  }),

  GWS_URL: Type.String({
    format: 'http-url',
    description: 'GWS base URL; /api/v2/* on this proxy (CometD included) is passed through to it',
  }),
  GWS_NOTIFICATIONS_PATH: Type.String({
    pattern: '^(?!.*/\\.\\.?(?:/|$))/[A-Za-z0-9._~\\-/]*[A-Za-z0-9._~-]$',
    default: '/api/v2/notifications',
    errorMessage: 'must be an absolute path such as /api/v2/notifications',
    description:
      'CometD endpoint path on this origin, handed to the widget; outside /api/v2 it is passed through too',
  }),

  UNIPHORE_URL: Type.String({ format: 'http-url', description: 'Uniphore Interact base URL' }),
  UNIPHORE_ACCOUNT_ID: pathSegment('Account id in the REST path .../account/{id}/uniqueId/...'),
  UNIPHORE_API_VERSION: pathSegment('API version in the REST and SOAP paths', '2'),
  UNIPHORE_TENANT_ID: headerValue(256, 'Tenant-Id request header'),
  UNIPHORE_APPLICATION_KEY: headerValue(
    1024,
    'Application-Key request header: the secret, never leaves the proxy',
  ),
  UNIPHORE_ENVIRONMENT_NAME: headerValue(256, 'Environment-Name request header'),
  UNIPHORE_TRANSPORT: Type.Enum(['rest', 'soap'], { default: 'rest', description: 'How Uniphore is asked' }),
  UNIPHORE_TIMEOUT_MS: integer(100, 60000, 5000, 'Upstream timeout; past it the caller gets 504'),
  UNIPHORE_KEEP_WARM_MS: integer(
    0,
    600000,
    30000,
    'Interval of the cheap request keeping connections to Uniphore open (below its idle timeout); 0: none',
  ),
  UNIPHORE_KEEP_WARM_CONNECTIONS: integer(
    1,
    16,
    3,
    'Connections to Uniphore opened at start-up and kept warm (lookups of one pop run in parallel)',
  ),

  LOOKUP_ORDER: Type.String({
    format: 'lookup-order',
    default: DEFAULT_LOOKUP_ORDER,
    description: 'Attributes the widget tries, in order, each with its value source: attribute=source,…',
  }),
  LOOKUP_CACHE_TTL_MS: integer(0, 3600000, 30000, 'How long found unique ids are kept; 0 disables'),
  RATE_LIMIT_PER_MINUTE: integer(1, 1000000, 600, 'Lookups per minute per client'),
  HISTORY_URL_TEMPLATE: Type.String({
    format: 'history-url-template',
    description: 'History page URL with {uniqueId}; its origin is the only one the widget frames',
  }),
  HISTORY_FRAMING_CACHE_MS: integer(
    0,
    86400000,
    300000,
    'How long a framing check of the history site is reused',
  ),

  HISTORY_WARMUP: Type.Enum(['ring', 'idle', 'off'], {
    default: 'idle',
    description:
      "Warm the history frame's connection: ring (when a call rings after a quiet spell), idle (also keep it warm while idle), off",
  }),
  HISTORY_WARMUP_URL: Type.Optional(
    Type.String({
      format: 'http-url',
      description: 'A small page or file of the history site the warm-up loads (default: its /favicon.ico)',
    }),
  ),
  HISTORY_WARMUP_INTERVAL_MS: integer(
    5000,
    3600000,
    30000,
    "At most one warm-up per agent this often; keep it under the history site's keep-alive timeout",
  ),

  UCS_TIMEOUT_MS: integer(100, 600000, 10000, 'How long the widget waits for createInteractionResponse'),
  UCS_CONTACT_ID_KEY: attachedDataKey('contactId'),
  UCS_PARENT_ID_KEY: attachedDataKey('parentId'),
  UCS_THREAD_ID_KEY: attachedDataKey('threadId'),
  UCS_SUBJECT_KEY: attachedDataKey('subject'),

  FRAME_ANCESTORS: Type.Array(Type.String(), {
    format: 'frame-ancestors',
    default: ["'self'"],
    description: "Origins allowed to embed the widget and to postMessage it: 'self', 'none' or origins",
  }),
  CORS_ORIGINS: Type.Array(Type.String(), {
    format: 'exact-origins',
    default: [],
    description: 'Exact origins allowed to call the proxy cross-origin; empty: CORS closed',
  }),

  PROXY_AUTH: Type.Enum(['gws', 'token', 'jwt', 'none'], {
    default: 'gws',
    description: 'Who may look up: GWS session, bearer token, a signed JWT, or anyone (simulator only)',
  }),
  PROXY_TOKEN: bearerSecret('Shared bearer token for PROXY_AUTH=token'),
  JWT_JWKS_URL: Type.Optional(
    Type.String({
      format: 'http-url',
      description: 'PROXY_AUTH=jwt: where the issuer publishes its signing keys',
    }),
  ),
  JWT_ISSUER: Type.Optional(
    Type.String({
      pattern: JWT_TEXT,
      errorMessage: 'must be 1..512 visible ASCII characters',
      description: 'PROXY_AUTH=jwt: the exact `iss` tokens must carry',
    }),
  ),
  JWT_AUDIENCE: Type.Optional(
    Type.Array(Type.String({ pattern: JWT_TEXT }), {
      minItems: 1,
      errorMessage: 'must be a comma-separated list of 1..512 visible ASCII characters each',
      description: 'PROXY_AUTH=jwt: accepted `aud` values; a token naming any of them passes',
    }),
  ),
  JWT_CLOCK_TOLERANCE_S: integer(0, 300, 30, 'PROXY_AUTH=jwt: clock skew tolerated on exp and nbf, seconds'),
  JWT_ALGORITHMS: Type.Array(Type.String(), {
    format: 'jwt-algorithms',
    default: ['RS256', 'ES256'],
    description: 'PROXY_AUTH=jwt: accepted signing algorithms (asymmetric only; never none or HS*)',
  }),
  JWT_ROLES_CLAIM: Type.String({
    pattern: '^[\\x21-\\x7e]{1,128}$',
    default: 'roles',
    errorMessage: 'must be a claim name of 1..128 visible ASCII characters',
    description: "PROXY_AUTH=jwt: top-level claim holding the user's roles",
  }),
  PROXY_ALLOW_UNAUTHENTICATED: Type.Boolean({
    default: false,
    description: 'Allow PROXY_AUTH=none without the simulator',
  }),

  WWE_WRITE_BACK_KEY: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_.-]{1,64}$',
      errorMessage: 'must be 1..64 characters of A-Z a-z 0-9 _ . -',
      description: 'Inside WWE: attached-data key the found unique ID is written to; unset: no write-back',
    }),
  ),
  WWE_TOAST: Type.Boolean({
    default: false,
    description: 'Inside WWE: a toast when a history is found while the widget is out of sight',
  }),

  CALLER_NUMBER_REGION: Type.String({
    pattern: '^(auto|off|[A-Z]{2})$',
    default: 'auto',
    description:
      'Caller numbers of this region (ISO 3166, e.g. FR) in national format, others international; auto: the region of the agent language; off: as they came',
  }),

  PASSTHROUGH_BODY_LIMIT_BYTES: integer(
    1024,
    104_857_600,
    1_048_576,
    'Largest request body passed to GWS; larger ones get 413 and never reach GWS',
  ),
  NOTIFICATIONS_BODY_LIMIT_BYTES: integer(
    1024,
    104_857_600,
    262_144,
    'Largest request body on the CometD path',
  ),
  TRUST_PROXY_HOPS: integer(
    0,
    10,
    0,
    'Load balancers in front of the proxy whose X-Forwarded-* are believed (only when clients cannot bypass them)',
  ),

  METRICS_PORT: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 65535,
      description: 'Port of a second listener serving only GET /metrics; unset: no such listener',
    }),
  ),
  METRICS_HOST: Type.String({
    pattern: '^\\S+$',
    default: '127.0.0.1',
    errorMessage: 'must be a host name or IP address',
    description: 'Interface the METRICS_PORT listener binds (keep it private)',
  }),
  METRICS_TOKEN: bearerSecret(
    'Bearer token that opens GET /metrics on the main port; unset: /metrics is not served there',
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(
    Type.String({
      format: 'http-url',
      description: 'OTLP/HTTP collector base URL (traces go to {url}/v1/traces); unset: no tracing',
    }),
  ),
  REDIS_URL: Type.Optional(
    Type.String({
      format: 'redis-url',
      description: 'Redis shared by the replicas (feed, lookup cache, rate limits); unset: all in-process',
    }),
  ),
  SUPERVISOR_ROLES: Type.Array(Type.String({ pattern: '^[\\x21-\\x7e]{1,128}$' }), {
    minItems: 1,
    default: ['ROLE_SUPERVISOR', 'ROLE_ADMIN'],
    errorMessage: 'must be a comma-separated list of role names (visible ASCII)',
    description: 'Roles that may watch the team feed (GET /api/pops/stream); any one of them suffices',
  }),
  ADMIN_ROLES: Type.Array(Type.String({ pattern: '^[\\x21-\\x7e]{1,128}$' }), {
    minItems: 1,
    default: ['ROLE_ADMIN'],
    errorMessage: 'must be a comma-separated list of role names (visible ASCII)',
    description:
      'Roles that see the proxy-side checks of the diagnostics view (GET /api/diagnostics); any one suffices',
  }),
  FEED_BACKLOG: integer(1, 100_000, 2_000, 'Pops a (re)connecting supervisor is replayed, at most'),
  FEED_BACKLOG_MAX_AGE_S: integer(1, 86_400, 3_600, 'Age past which a pop is no longer replayed, seconds'),
  FEED_HEARTBEAT_MS: integer(
    100,
    300_000,
    15_000,
    'Interval of the team feed keepalive comments; keep it under the load balancer idle timeout',
  ),

  STATIC_DIR: Type.String({ default: 'dist', description: 'Directory of the built widget' }),
  LOG_LEVEL: Type.Enum(LOG_LEVELS, { default: 'info', description: 'Level of the JSON logs on stdout' }),
  SIMULATOR_CONTROL_URL: Type.Optional(
    Type.String({
      format: 'http-url',
      description: 'Set by npm start with the embedded simulator: enables /api/sim/*',
    }),
  ),
});
export type Settings = Type.Static<typeof Settings>;
export type SettingName = keyof Settings;
