// The capture format: what is refused names where it is wrong; the browser's compiled check agrees.
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS, Capture, captureProblem } from '../capture';

const pop = { callId: 'C1', outcome: 'found', receivedAt: 1, timings: { totalMs: 5 } };
const valid = () => ({
  format: 'uhw-capture',
  version: 1,
  capturedAt: '2024-03-01T10:00:00.000Z',
  widget: { mode: 'embedded', host: 'wwe' },
  redaction: { method: 'hmac-sha256-fpe', note: 'test' },
  entries: [
    { at: 0, via: 'scapi', dir: 'out', data: { event: 'subscribe' } },
    { at: 5, via: 'cometd', dir: 'in', channel: '/v2/me/calls', data: {} },
    { at: 6, via: 'ucs', dir: 'in', status: 200, data: { statusCode: 0, referenceId: 1 } },
    { at: 9, via: 'pop', dir: 'out', data: pop },
  ],
});

describe('capture format', () => {
  it('takes a well-formed capture', () => {
    expect(captureProblem(valid())).toBeNull();
    expect(Value.Check(Capture, valid())).toBe(true);
  });

  it.each([
    ['not an object', () => [], '/: not a JSON object'],
    ['another format', () => ({ ...valid(), format: 'har' }), '/format: expected "uhw-capture"'],
    ['another version', () => ({ ...valid(), version: 2 }), '/version: this simulator reads version 1'],
    ['no entries', () => ({ ...valid(), entries: {} }), '/entries: expected an array'],
    [
      'an unknown kind of entry',
      () => ({ ...valid(), entries: [{ at: 0, via: 'http', dir: 'in', data: {} }] }),
      '/entries/0/via: expected one of scapi, cometd, ucs, pop',
    ],
    [
      'a CometD entry without channel',
      () => ({ ...valid(), entries: [{ at: 0, via: 'cometd', dir: 'in', data: {} }] }),
      '/entries/0/channel: is required',
    ],
    [
      'a pop that is no PopReport',
      () => ({
        ...valid(),
        entries: [{ at: 0, via: 'pop', dir: 'out', data: { ...pop, outcome: 'maybe' } }],
      }),
      '/entries/0/data/outcome',
    ],
    [
      'entries out of order',
      () => ({ ...valid(), entries: [valid().entries[1], valid().entries[0]] }),
      '/entries/1/at: earlier than the entry before it',
    ],
    [
      'too many entries',
      () => ({
        ...valid(),
        entries: Array.from({ length: CAPTURE_LIMITS.maxEntries + 1 }, () => valid().entries[0]),
      }),
      `/entries: ${CAPTURE_LIMITS.maxEntries + 1} entries, at most ${CAPTURE_LIMITS.maxEntries}`,
    ],
    [
      'an entry too large',
      () => ({
        ...valid(),
        entries: [{ at: 0, via: 'scapi', dir: 'in', data: 'x'.repeat(CAPTURE_LIMITS.maxEntryChars) }],
      }),
      '/entries/0/data: larger than',
    ],
    ['an unknown top-level field', () => ({ ...valid(), extra: 1 }), '/extra: unknown property'],
    ['a bad date', () => ({ ...valid(), capturedAt: 'yesterday' }), '/capturedAt:'],
  ])('refuses %s, saying where', (name, make, expected) => {
    const problem = captureProblem(make());
    expect(problem).toContain(expected);
    // Order and size are the simulator's own rules on top of the schema's.
    if (!/order|too large/.test(name)) expect(Value.Check(Capture, make())).toBe(false);
  });
});
