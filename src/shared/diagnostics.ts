// GET /api/diagnostics and GET /api/diagnostics/lookup/:attribute/:value: what the proxy says to the
// diagnostics view (?mode=diagnostics) at a first deployment. Never a secret: no Application-Key,
// token, cookie or password, and no looked-up value (the admin typed it; the answer says nothing of it).
import Type from 'typebox';
import { AttributeSchema } from './lookup-api';

const Str = Type.String({ maxLength: 2048 });

/** Who the proxy takes the caller for (any caller the widget's routes accept). */
export const DiagnosticsCaller = Type.Object({
  auth: Type.Enum(['gws', 'token', 'jwt', 'none']),
  /** A user is known (GWS session, JWT), not only a client. */
  user: Type.Boolean(),
  roles: Type.Array(Str, { maxItems: 64 }),
  supervisor: Type.Boolean(),
  admin: Type.Boolean(),
  /** PROXY_AUTH=jwt: the names (never the values) of the claims the token carried, and whose roles count. */
  jwt: Type.Optional(Type.Object({ claims: Type.Array(Str, { maxItems: 64 }), rolesClaim: Str })),
});
export type DiagnosticsCaller = Type.Static<typeof DiagnosticsCaller>;

/** The proxy's own view of the deployment: for ADMIN_ROLES only. */
export const DiagnosticsProxy = Type.Object({
  simulator: Type.Boolean(),
  /** Uniphore answers HTTP (the readiness probe). */
  uniphoreReachable: Type.Boolean(),
  transport: Type.Enum(['rest', 'soap']),
  uniphoreOrigin: Str,
  redis: Type.Enum(['up', 'down', 'off']),
  lookupOrder: Type.Array(Type.Object({ attribute: AttributeSchema, source: Str }), { maxItems: 16 }),
  history: Type.Object({
    origin: Str,
    /** A page address HISTORY_URL_TEMPLATE yields, for the framing check (GET /api/history/framing). */
    sampleUrl: Str,
    warmup: Type.Enum(['ring', 'idle', 'off']),
  }),
  gws: Type.Object({ origin: Str, notificationsPath: Str }),
  frameAncestors: Type.Array(Str, { maxItems: 64 }),
  supervisorRoles: Type.Array(Str, { maxItems: 64 }),
  adminRoles: Type.Array(Str, { maxItems: 64 }),
  jwt: Type.Optional(
    Type.Object({
      issuer: Str,
      audience: Type.Array(Str, { maxItems: 16 }),
      jwksOrigin: Str,
      rolesClaim: Str,
    }),
  ),
});
export type DiagnosticsProxy = Type.Static<typeof DiagnosticsProxy>;

export const DiagnosticsAnswer = Type.Object({
  caller: DiagnosticsCaller,
  /** Absent for a caller without one of ADMIN_ROLES. */
  proxy: Type.Optional(DiagnosticsProxy),
});
export type DiagnosticsAnswer = Type.Static<typeof DiagnosticsAnswer>;

/** A lookup straight at Uniphore (no cache), for an admin's test. */
export const DiagnosticsLookup = Type.Object({
  outcome: Type.Enum([
    'found',
    'not_found',
    'unauthorized',
    'upstream_error',
    'bad_response',
    'unreachable',
    'timeout',
  ]),
  upstreamStatus: Type.Optional(Type.Integer()),
  /** The length of the unique id found: the id itself is not needed to know the lookup works. */
  uniqueIdLength: Type.Optional(Type.Integer({ minimum: 1 })),
  ms: Type.Number({ minimum: 0 }),
  transport: Type.Enum(['rest', 'soap']),
});
export type DiagnosticsLookup = Type.Static<typeof DiagnosticsLookup>;

export const DIAGNOSTICS_PATH = '/api/diagnostics';
