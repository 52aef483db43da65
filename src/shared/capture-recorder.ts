// Records a capture as it happens (for the diagnostics view): each message copied at once, timed from
// the start, within CAPTURE_LIMITS (past them it stops and says `truncated`), and redacted as a whole
// only when the capture is finished, so that every pseudonym is chosen knowing every clear value
// (capture-redact.ts). Nothing leaves the page before `finish`; the clear copies die with the recorder.
import type { Capture, CaptureEntry } from './capture';
import {
  CAPTURE_FORMAT,
  CAPTURE_LIMITS,
  CAPTURE_VERSION,
  type CaptureDir,
  type CaptureVia,
  REDACTION_METHOD,
} from './capture-constants';
import { redactCapture } from './capture-redact';

export interface CaptureRecorder {
  /**
   * Records one message (`channel` for CometD, `status` for a UCS answer); false once the capture is
   * full, then nothing more is kept. A message too large for one entry is kept as a note saying so.
   */
  record(
    via: CaptureVia,
    dir: CaptureDir,
    data: unknown,
    extra?: { channel?: string; status?: number },
  ): boolean;
  readonly entries: number;
  readonly truncated: boolean;
  /** The capture, redacted. The recorder can be finished more than once (each time with a new key). */
  finish(meta: Pick<Capture, 'widget'> & Partial<Pick<Capture, 'site' | 'note'>>): Promise<Capture>;
}

export function createCaptureRecorder(
  clock: { now(): number; epoch(): number } = { now: () => performance.now(), epoch: () => Date.now() },
): CaptureRecorder {
  const start = clock.now();
  const capturedAt = new Date(clock.epoch()).toISOString();
  const entries: CaptureEntry[] = [];
  let chars = 0;
  let truncated = false;

  return {
    record(via, dir, data, extra = {}) {
      if (truncated) return false;
      const at = Math.max(0, Math.round(clock.now() - start));
      // A copy now (a JSON one: what cannot be sent is not kept), so later changes to `data` do not leak in.
      let json = JSON.stringify(data ?? null) ?? 'null';
      if (json.length > CAPTURE_LIMITS.maxEntryChars) {
        json = JSON.stringify({
          omitted: "over the capture's limit for one message",
          // A number, not text: text is scrubbed of digit runs that could be phone numbers.
          characters: json.length,
        });
      }
      if (
        entries.length >= CAPTURE_LIMITS.maxEntries ||
        at > CAPTURE_LIMITS.maxAtMs ||
        chars + json.length + 200 > CAPTURE_LIMITS.maxBytes / 2
      ) {
        truncated = true;
        return false;
      }
      chars += json.length + 200;
      const copy = JSON.parse(json) as unknown;
      const entry = { at, via, dir, ...extra, data: copy } as CaptureEntry;
      entries.push(entry);
      return true;
    },
    get entries() {
      return entries.length;
    },
    get truncated() {
      return truncated;
    },
    finish(meta) {
      return redactCapture<Capture>({
        format: CAPTURE_FORMAT,
        version: CAPTURE_VERSION,
        capturedAt,
        ...(meta.note ? { note: meta.note } : {}),
        widget: meta.widget,
        ...(meta.site ? { site: meta.site } : {}),
        redaction: { method: REDACTION_METHOD, note: '' },
        ...(truncated ? { truncated } : {}),
        entries,
      });
    },
  };
}
