// The recorder: entries timed from the start and copied at once, limits that stop it (and say so),
// and a finished capture that is valid and redacted.
import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS, captureProblem } from '../capture';
import { createCaptureRecorder } from '../capture-recorder';

const clock = (times: number[]) => {
  let index = 0;
  return {
    now: () => times[Math.min(index++, times.length - 1)]!,
    epoch: () => Date.parse('2024-03-01T10:00:00Z'),
  };
};
const widget = { mode: 'diagnostics', host: 'wwe' } as const;

describe('capture recorder', () => {
  it('times entries from the start, copies them at once, and finishes valid and redacted', async () => {
    const recorder = createCaptureRecorder(clock([1_000, 1_012.4, 1_530]));
    const event = {
      event: 'interaction',
      data: { interactionId: '1', state: 'RINGING', ani: '+14155550100' },
    };
    expect(recorder.record('scapi', 'in', event)).toBe(true);
    event.data.state = 'TALKING';
    expect(recorder.record('cometd', 'in', { successful: true }, { channel: '/meta/handshake' })).toBe(true);
    const capture = await recorder.finish({ widget, note: 'site A' });
    expect(captureProblem(capture)).toBeNull();
    expect(capture).toMatchObject({ capturedAt: '2024-03-01T10:00:00.000Z', note: 'site A', widget });
    expect(capture.entries.map((entry) => [entry.at, entry.via])).toEqual([
      [12, 'scapi'],
      [530, 'cometd'],
    ]);
    const recorded = capture.entries[0]?.data as typeof event;
    expect(recorded.data.state).toBe('RINGING');
    expect(recorded.data.ani).toMatch(/^\+\d{11}$/);
    expect(JSON.stringify(capture)).not.toContain('4155550100');
    expect(capture.truncated).toBeUndefined();
  });

  it('stops at the entry limit and says so; a message too large is kept as a note', async () => {
    const recorder = createCaptureRecorder(clock([0]));
    expect(recorder.record('scapi', 'in', 'x'.repeat(CAPTURE_LIMITS.maxEntryChars + 1))).toBe(true);
    for (let i = 1; i < CAPTURE_LIMITS.maxEntries; i++) recorder.record('scapi', 'in', { i });
    expect(recorder.record('scapi', 'in', { i: 'one too many' })).toBe(false);
    expect(recorder.truncated).toBe(true);
    const capture = await recorder.finish({ widget });
    expect(captureProblem(capture)).toBeNull();
    expect(capture.entries).toHaveLength(CAPTURE_LIMITS.maxEntries);
    expect(capture.truncated).toBe(true);
    expect(capture.entries[0]?.data).toEqual({
      omitted: "over the capture's limit for one message",
      characters: CAPTURE_LIMITS.maxEntryChars + 3,
    });
  });
});
