// The compiled checks agree with TypeBox's own on the shared schemas, and fold into one module.
import Type from 'typebox';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { Capture } from '../../shared/capture';
import { CallStateChangeMessage, CreateInteractionResponse } from '../../shared/gws-messages';
import { VALUE_PATTERN } from '../../shared/lookup-constants';
import { PopReport } from '../../shared/pop-report';
import { compiledCheck } from '../compiled-validators';

/** Evaluates the folded code of one schema the way the generated module would, minus its imports. */
async function checkOf(name: string, schema: Parameters<typeof compiledCheck>[1]) {
  const { code, imports } = compiledCheck(name, schema);
  const scope: Record<string, unknown> = {};
  for (const entry of imports) {
    const [symbol, from] = entry.split('|') as [string, string];
    scope[symbol] = (await import(from))[symbol];
  }
  const body = `${code}\nreturn ${name}_check;`;
  return new Function(...Object.keys(scope), body)(...Object.values(scope)) as (value: unknown) => boolean;
}

const capture = {
  format: 'uhw-capture',
  version: 1,
  capturedAt: '2024-03-01T10:00:00.000Z',
  widget: { mode: 'embedded', host: 'wwe' },
  redaction: { method: 'hmac-sha256-fpe', note: 'test' },
  entries: [{ at: 0, via: 'cometd', dir: 'in', channel: '/v2/me/calls', data: {} }],
};

const call = { id: 'C1', state: 'Ringing', ani: '+14155550100', userData: { DTMF: '4567' } };

describe('compiled validators', () => {
  it.each([
    [
      'a documented call event',
      CallStateChangeMessage,
      { messageType: 'CallStateChangeMessage', notificationType: 'StatusChange', call },
    ],
    [
      'a call event without call id',
      CallStateChangeMessage,
      { messageType: 'CallStateChangeMessage', notificationType: 'StatusChange', call: { ...call, id: '' } },
    ],
    [
      'a UCS answer with a string referenceId',
      CreateInteractionResponse,
      { messageType: 'createInteractionResponse', referenceId: '7', interactionId: 'A' },
    ],
    [
      'a UCS answer with an object referenceId',
      CreateInteractionResponse,
      { messageType: 'createInteractionResponse', referenceId: {} },
    ],
    [
      'a pop report',
      PopReport,
      { callId: 'C', outcome: 'found', receivedAt: 1, timings: { totalMs: 3 }, source: 'wwe' },
    ],
    [
      'a pop report with a bad source (pattern)',
      PopReport,
      { callId: 'C', outcome: 'found', receivedAt: 1, timings: { totalMs: 3 }, source: 'W W' },
    ],
    [
      'a pop report with an unknown field',
      PopReport,
      { callId: 'C', outcome: 'found', receivedAt: 1, timings: { totalMs: 3 }, x: 1 },
    ],
    [
      'a caller of 129 characters',
      PopReport,
      { callId: 'C', outcome: 'found', receivedAt: 1, timings: { totalMs: 3 }, caller: '1'.repeat(129) },
    ],
    ['a capture', Capture, capture],
    [
      'a capture with a CometD entry without channel',
      Capture,
      { ...capture, entries: [{ at: 0, via: 'cometd', dir: 'in', data: {} }] },
    ],
  ])('decides as TypeBox does: %s', async (_name, schema, value) => {
    const check = await checkOf('Subject', schema);
    expect(check(value)).toBe(Value.Check(schema, value));
  });

  it('keeps unicode patterns (lone surrogates refused, astral characters counted once)', async () => {
    const schema = Type.String({ maxLength: 2, pattern: VALUE_PATTERN });
    const check = await checkOf('Value', schema);
    expect(check('😀😀')).toBe(true);
    expect(check('\uD800')).toBe(false);
    expect(check('a\nb')).toBe(false);
  });

  it('names every part of one schema after it, so many fold into one module', () => {
    const { code } = compiledCheck('PopReport', PopReport);
    expect(code).toMatch(/const PopReport_external = \[/);
    expect(code).toMatch(/const PopReport_check = PopReport_c\d+;/);
    expect(code).not.toMatch(/\bcheck_\d+\b|\bExternal\b|^import /m);
  });
});
