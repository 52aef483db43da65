// Capture-format constants with no schema-library dependency, so the browser's recorder can import
// them without pulling in TypeBox (the widget validates with checks compiled at build time instead).

export const CAPTURE_FORMAT = 'uhw-capture';
export const CAPTURE_VERSION = 1;

/** What a capture's entry was: a Service Client API message, a CometD message, a UCS call over HTTP, a pop. */
export const CAPTURE_VIAS = ['scapi', 'cometd', 'ucs', 'pop'] as const;
export type CaptureVia = (typeof CAPTURE_VIAS)[number];
/** `in`: to the widget (from WWE, GWS); `out`: from the widget (its requests, its pop reports). */
export const CAPTURE_DIRS = ['in', 'out'] as const;
export type CaptureDir = (typeof CAPTURE_DIRS)[number];

/**
 * Bounds of one capture: a recorder stops at them (and says so with `truncated`), the simulator
 * refuses a capture past them. A busy hour of one agent is a few hundred entries of ~2 kB.
 */
export const CAPTURE_LIMITS = {
  maxEntries: 5_000,
  /** The whole capture as JSON, in bytes (the simulator's body limit for POST /sim/captures). */
  maxBytes: 4 * 1024 * 1024,
  /** One entry's `data` as JSON, in characters. */
  maxEntryChars: 64 * 1024,
  /** Entries are at most this far from the capture's start (ms): 8 hours. */
  maxAtMs: 8 * 3_600_000,
} as const;

/** The redaction method every capture is made with (src/shared/capture-redact.ts). */
export const REDACTION_METHOD = 'hmac-sha256-fpe';

/** The fixed marker a token, cookie, password or other secret is replaced with (≥ 16 characters, as JwtTokenAnswer asks). */
export const SECRET_MARKER = '[redacted:secret]';
