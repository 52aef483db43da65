// A capture: what one widget saw at a site (its Service Client API and CometD messages, its UCS
// calls, the pops it settled), redacted (capture-redact.ts), with timing, so that the simulator can
// replay it and a real site's traffic becomes a regression test (src/simulator/replay/).
//
// Capture and replay, in short (details in src/simulator/README.md, "Capture and replay"):
// - `entries` are in the order the widget met them; `at` is ms since the capture started.
// - `scapi` in: every message WWE posted to the widget (answers, subscription answers, events);
//   `scapi` out: the widget's requests and subscribes (their referenceId pairs them with answers).
// - `cometd` in: each message delivered to the widget, with its `channel` (`/v2/me/calls`, the channel
//   createInteractionResponse came on, `/meta/handshake` outcomes).
// - `ucs` out: the FindPhoneCall body the widget posted; `ucs` in: GWS's HTTP answer to it (its
//   `referenceId` ties the call id to the createInteractionResponse that follows on CometD).
// - `pop`: the widget's own PopReport per settled pop: the outcome seen at the site, which a replay
//   must reproduce.
// Caller numbers, attached-data values, unique ids and names are pseudonymized, tokens and cookies
// replaced by a marker; GWS call ids, UCS interaction ids and WWE interaction ids are kept (they are
// not personal data, and the replay pairs messages by them).
import Type from 'typebox';
import Value from 'typebox/value';
import { CAPTURE_FORMAT, CAPTURE_LIMITS, CAPTURE_VERSION, REDACTION_METHOD } from './capture-constants';
import { PopReport } from './pop-report';
import { WidgetConfig } from './widget-config';

export * from './capture-constants';

const At = Type.Number({ minimum: 0, maximum: CAPTURE_LIMITS.maxAtMs });
const Dir = Type.Enum(['in', 'out']);

export const ScapiEntry = Type.Object(
  { at: At, via: Type.Literal('scapi'), dir: Dir, data: Type.Unknown() },
  { additionalProperties: false },
);
export type ScapiEntry = Type.Static<typeof ScapiEntry>;

export const CometdEntry = Type.Object(
  {
    at: At,
    via: Type.Literal('cometd'),
    dir: Type.Literal('in'),
    channel: Type.String({ pattern: '^/[A-Za-z0-9_.*/-]{1,255}$' }),
    data: Type.Unknown(),
  },
  { additionalProperties: false },
);
export type CometdEntry = Type.Static<typeof CometdEntry>;

export const UcsEntry = Type.Object(
  {
    at: At,
    via: Type.Literal('ucs'),
    dir: Dir,
    /** `in`: the HTTP status of GWS's answer. */
    status: Type.Optional(Type.Integer({ minimum: 100, maximum: 599 })),
    data: Type.Unknown(),
  },
  { additionalProperties: false },
);
export type UcsEntry = Type.Static<typeof UcsEntry>;

export const PopEntry = Type.Object(
  { at: At, via: Type.Literal('pop'), dir: Type.Literal('out'), data: PopReport },
  { additionalProperties: false },
);
export type PopEntry = Type.Static<typeof PopEntry>;

export const CaptureEntry = Type.Union([ScapiEntry, CometdEntry, UcsEntry, PopEntry]);
export type CaptureEntry = Type.Static<typeof CaptureEntry>;

/** The widget's settings at the site (`GET /api/config`, all public), which a replay runs with. */
export const CaptureSite = Type.Partial(Type.Omit(WidgetConfig, ['simulator']));
export type CaptureSite = Type.Static<typeof CaptureSite>;

export const Capture = Type.Object(
  {
    format: Type.Literal(CAPTURE_FORMAT),
    version: Type.Literal(CAPTURE_VERSION),
    /** ISO 8601, UTC. */
    capturedAt: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$' }),
    /** Free text: where the capture comes from (a site, a sample), what it shows. */
    note: Type.Optional(Type.String({ maxLength: 8_000 })),
    widget: Type.Object(
      {
        /** The widget's `?mode=` (agent, embedded, diagnostics, …). */
        mode: Type.String({ pattern: '^[a-z][a-z-]{0,31}$' }),
        /** Who framed it: a page speaking `uhw:*`, or Workspace Web Edition. */
        host: Type.Enum(['page', 'wwe']),
        lang: Type.Optional(Type.String({ maxLength: 35 })),
        version: Type.Optional(Type.String({ maxLength: 64 })),
      },
      { additionalProperties: false },
    ),
    site: Type.Optional(CaptureSite),
    redaction: Type.Object(
      { method: Type.Literal(REDACTION_METHOD), note: Type.String({ maxLength: 2_000 }) },
      { additionalProperties: false },
    ),
    /** The recorder stopped at CAPTURE_LIMITS: what follows the last entry is missing. */
    truncated: Type.Optional(Type.Boolean()),
    entries: Type.Array(CaptureEntry, { maxItems: CAPTURE_LIMITS.maxEntries }),
  },
  { additionalProperties: false },
);
export type Capture = Type.Static<typeof Capture>;

const ENTRY_SCHEMAS = { scapi: ScapiEntry, cometd: CometdEntry, ucs: UcsEntry, pop: PopEntry } as const;

function firstError(schema: Type.TSchema, value: unknown, prefix: string): string | null {
  for (const error of Value.Errors(schema, value)) {
    const missing = (error.params as { requiredProperties?: string[] } | undefined)?.requiredProperties;
    const path = `${prefix}${error.instancePath}${missing ? `/${missing.join(',')}` : ''}`;
    // An additional property fails against `false`, which TypeBox words as "schema is false".
    const message = missing
      ? 'is required'
      : error.keyword === 'boolean' || error.message === 'schema is false'
        ? 'unknown property'
        : error.message;
    return `${path || '/'}: ${message}`;
  }
  return null;
}

/**
 * Why `value` is not a capture this version can replay, or null when it is: the first problem, named
 * by its JSON path (`/entries/3/channel: …`), so that whoever made it can find it.
 */
export function captureProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '/: not a JSON object';
  const { entries, format, version } = value as Record<string, unknown>;
  if (format !== CAPTURE_FORMAT) return `/format: expected "${CAPTURE_FORMAT}"`;
  if (version !== CAPTURE_VERSION) return `/version: this simulator reads version ${CAPTURE_VERSION}`;
  if (!Array.isArray(entries)) return '/entries: expected an array';
  if (entries.length > CAPTURE_LIMITS.maxEntries) {
    return `/entries: ${entries.length} entries, at most ${CAPTURE_LIMITS.maxEntries}`;
  }
  // Entries one by one against the schema of their own kind: a union's errors name every branch.
  for (const [index, entry] of entries.entries()) {
    const via = (entry as { via?: unknown } | null)?.via;
    const schema = ENTRY_SCHEMAS[via as keyof typeof ENTRY_SCHEMAS];
    if (!schema) return `/entries/${index}/via: expected one of ${Object.keys(ENTRY_SCHEMAS).join(', ')}`;
    const problem = firstError(schema, entry, `/entries/${index}`);
    if (problem) return problem;
    if (JSON.stringify((entry as { data?: unknown }).data ?? null).length > CAPTURE_LIMITS.maxEntryChars) {
      return `/entries/${index}/data: larger than ${CAPTURE_LIMITS.maxEntryChars} characters`;
    }
    const previous = entries[index - 1] as { at?: number } | undefined;
    if (previous?.at !== undefined && (entry as { at: number }).at < previous.at) {
      return `/entries/${index}/at: earlier than the entry before it (entries are in the order they happened)`;
    }
  }
  return firstError(Capture, value, '');
}
