// Runtime settings the proxy hands the widget at `GET /api/config` (no secrets: this is public).
import Type from 'typebox';
import { AttributeSchema } from './lookup-api';

export const LookupStepSchema = Type.Object({ attribute: AttributeSchema, source: Type.String() });

export const WidgetConfig = Type.Object({
  /** Candidate lookups, highest priority first (see lookup-order.ts). */
  lookupOrder: Type.Array(LookupStepSchema),
  /** Origin of the history pages; the widget frames nothing else. */
  historyOrigin: Type.String(),
  /** CometD endpoint path on this origin. */
  notificationsPath: Type.String(),
  /** How long to wait for createInteractionResponse before showing a timeout. */
  ucsTimeoutMs: Type.Integer({ minimum: 1 }),
  /** Whether the embedded simulator is in use (shows the simulator panel). */
  simulator: Type.Boolean(),
  /** Origins allowed to embed the widget and to postMessage it. */
  frameAncestors: Type.Array(Type.String()),
  /** How the proxy knows the caller (PROXY_AUTH): `jwt` makes the widget send the desktop's JWT. */
  auth: Type.Enum(['gws', 'token', 'jwt', 'none']),
  /** Inside Workspace Web Edition: write the found unique ID back (attached-data key), toast when hidden. */
  wwe: Type.Object({
    writeBackKey: Type.Optional(Type.String()),
    toast: Type.Boolean(),
  }),
  /**
   * Whose national format caller numbers are shown in (CALLER_NUMBER_REGION): `auto` (the region of the
   * agent's language), an ISO 3166 region, or `off` (as they came). Display only: lookups send them as they came.
   */
  callerNumberRegion: Type.String({ pattern: '^(auto|off|[A-Z]{2})$' }),
  /**
   * HISTORY_WARMUP: the widget opens its history frame's connection ahead of need, in that frame's own
   * network partition (a hidden frame of the history site), at most once per `intervalMs`.
   */
  historyWarmup: Type.Object({
    mode: Type.Enum(['ring', 'idle', 'off']),
    url: Type.String(),
    intervalMs: Type.Integer({ minimum: 1 }),
  }),
  /** How far back the team feed replays (FEED_BACKLOG_MAX_AGE_S): what a supervisor's figures can cover. */
  feedBacklogMaxAgeMs: Type.Integer({ minimum: 0 }),
  /** Attached-data keys that feed FindPhoneCall's optional fields. */
  ucsFields: Type.Object({
    contactId: Type.Optional(Type.String()),
    parentId: Type.Optional(Type.String()),
    threadId: Type.Optional(Type.String()),
    subject: Type.Optional(Type.String()),
  }),
});
export type WidgetConfig = Type.Static<typeof WidgetConfig>;
