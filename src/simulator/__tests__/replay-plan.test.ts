// What a replay of a capture takes (the plan), whether a replay came to the captured outcomes (the
// diff), and the shipped sample captures: valid, redacted, and planned as their notes say.
import { readFileSync } from 'node:fs';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { type Capture, captureProblem } from '../../shared/capture';
import { CallStateChangeMessage } from '../../shared/gws-messages';
import type { PopReport } from '../../shared/pop-report';
import { Interaction, ScapiEvent } from '../../shared/scapi-messages';
import { GWS_SAMPLE, SAMPLE_CAPTURES, WWE_SAMPLE } from '../captures/sample-captures';
import { compareOutcomes, outcomeTable } from '../replay/outcome-diff';
import { planReplay } from '../replay/replay-plan';

const shipped = (name: keyof typeof SAMPLE_CAPTURES) =>
  JSON.parse(readFileSync(new URL(`../captures/${name}.json`, import.meta.url), 'utf8')) as Capture;

/** Every string of the clear sample that is personal data, and must not be in the shipped file. */
function personalValues(capture: Capture): string[] {
  const values = new Set<string>();
  const visit = (value: unknown, key?: string) => {
    if (Array.isArray(value)) for (const item of value) visit(item, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    else if (
      (typeof value === 'string' || typeof value === 'number') &&
      key &&
      /^(ani|dnis|phoneNumber|caller|value|uniqueId|jwtToken|DTMF|AccountNumber|CustomerSegment|CallbackNumber|ContractNumber|UniphoreUniqueId)$/.test(
        key,
      ) &&
      !/^0000DaA3G4VF/.test(String(value))
    ) {
      values.add(String(value));
    }
  };
  for (const entry of capture.entries) visit(entry.data);
  return [...values];
}

describe('the shipped sample captures', () => {
  it.each(Object.keys(SAMPLE_CAPTURES) as (keyof typeof SAMPLE_CAPTURES)[])(
    '%s is a valid capture with no clear personal value of its sample, messages still in shape',
    (name) => {
      const capture = shipped(name);
      expect(captureProblem(capture)).toBeNull();
      const text = JSON.stringify(capture.entries);
      const clear = personalValues(SAMPLE_CAPTURES[name]);
      expect(clear.length).toBeGreaterThan(4);
      for (const value of clear) expect(text, value).not.toContain(value);
      expect(text).not.toContain('eyJ');
      for (const entry of capture.entries) {
        const data = entry.data as { messageType?: string; event?: string; data?: unknown };
        if (data.messageType === 'CallStateChangeMessage')
          expect(Value.Check(CallStateChangeMessage, data)).toBe(true);
        if (entry.via === 'scapi' && data.event === 'interaction') {
          expect(Value.Check(ScapiEvent, data) && Value.Check(Interaction, data.data)).toBe(true);
        }
      }
    },
  );

  it('plans the GWS sample: call events on their channel, UCS on the capture’s channel, one record', () => {
    const plan = planReplay(shipped('genesys-gws-sample'));
    expect(plan.cometd.map((item) => item.channel)).toEqual(Array(5).fill('/v2/me/calls'));
    // Quiet spells cut to 5 s: Ringing, Established 5 s later, Released, call B, its release.
    expect(plan.cometd.map((item) => item.atMs)).toEqual([0, 5_000, 10_000, 15_000, 20_000]);
    expect(plan.ucsChannel).toBe('/v2/me/ucs');
    expect(plan.ucs).toEqual([
      { callId: '013V08JRL498H1OI04000VTAES00000G', interactionId: '0000DaA3G4VF000Q' },
      { callId: '013V08JRL498H1OI04000VTAES00000K', interactionId: '0000DaA3G4VF000R' },
    ]);
    const [found, notFound] = plan.expected;
    expect(plan.records).toEqual([{ attribute: 'dtmf', value: found?.value, uniqueId: found?.uniqueId }]);
    expect(notFound?.outcome).toBe('not-found');
    // The record is the redacted DTMF code the call carries, so the replayed lookup finds it.
    const ringing = plan.cometd[0]?.message as CallStateChangeMessage;
    expect(ringing.call.userData?.DTMF).toBe(found?.value);
    expect(plan.warnings).toEqual([]);
  });

  it('plans the WWE sample: answers by request name with their delays, events after the subscribe', () => {
    const plan = planReplay(shipped('wwe-sample'));
    expect(Object.keys(plan.scapi.answers).sort()).toEqual([
      'auth.getJwtToken',
      'interaction.getInteractions',
      'interaction.setUserData',
      'subscribe',
    ]);
    expect(plan.scapi.answers.subscribe?.[0]).toMatchObject({ delayMs: 4, message: { subscriptionId: '1' } });
    expect(plan.scapi.answers['interaction.getInteractions']?.[0]?.message.data).toEqual([]);
    expect(plan.scapi.events.map((event) => (event.message as { event: string }).event)).toEqual([
      'interaction',
      'interaction',
      'interaction',
      'interaction',
      'interaction',
      'markdone',
    ]);
    expect(plan.scapi.events.map((event) => event.atMs)).toEqual([
      1_500, 1_600, 6_600, 11_600, 16_100, 16_101,
    ]);
    expect(plan.ucs).toEqual([
      { callId: '013V08JRL498H1OI04000VTAES00000J', interactionId: '0000DaA3G4VF000S' },
    ]);
    expect(plan.records).toEqual([
      { attribute: 'historySearchId', value: '0000DaA3G4VF000S', uniqueId: plan.expected[0]?.uniqueId },
    ]);
    expect(plan.cometd).toEqual([]);
  });
});

describe('replay plan', () => {
  const base = (entries: Capture['entries']): Capture => ({ ...GWS_SAMPLE, entries });
  const asked = (at: number, callId: string) =>
    ({ at, via: 'ucs', dir: 'out', data: { operationName: 'FindPhoneCall', callId } }) as const;
  const acked = (at: number, referenceId: number) =>
    ({ at, via: 'ucs', dir: 'in', status: 200, data: { statusCode: 0, referenceId } }) as const;

  it('has UCS fail or stay silent for a call as it did at the site', () => {
    const plan = planReplay(
      base([
        asked(0, 'CALL-FAILED'),
        acked(1, 7),
        {
          at: 2,
          via: 'cometd',
          dir: 'in',
          channel: '/v2/me/x',
          data: {
            messageType: 'createInteractionResponse',
            referenceId: 7,
            errorMessage: 'UCS request failed',
          },
        },
        asked(3, 'CALL-SILENT'),
        acked(4, 8),
      ]),
    );
    expect(plan.ucs).toEqual([
      { callId: 'CALL-FAILED', errorMessage: 'UCS request failed' },
      { callId: 'CALL-SILENT', silent: true },
    ]);
    expect(plan.ucsChannel).toBe('/v2/me/x');
  });

  it('pairs UCS answers with calls in order when the capture has no FindPhoneCall, and says so', () => {
    const call = (at: number, id: string) =>
      ({
        at,
        via: 'cometd',
        dir: 'in',
        channel: '/v2/me/calls',
        data: { call: { id, state: 'Ringing' } },
      }) as const;
    const answer = (at: number, interactionId: string) =>
      ({
        at,
        via: 'cometd',
        dir: 'in',
        channel: '/v2/me/interactions',
        data: { messageType: 'createInteractionResponse', referenceId: at, interactionId },
      }) as const;
    const plan = planReplay(base([call(0, 'A'), answer(1, 'IA'), call(2, 'B'), answer(3, 'IB')]));
    expect(plan.ucs).toEqual([
      { callId: 'A', interactionId: 'IA' },
      { callId: 'B', interactionId: 'IB' },
    ]);
    expect(plan.warnings).toContain(
      'no FindPhoneCall in the capture: UCS answers paired with calls in order',
    );
  });

  it('warns of what it cannot reproduce: an upstream failure at the site', () => {
    const failed = {
      at: 0,
      via: 'pop',
      dir: 'out',
      data: { ...popOf('C', 'error'), errorCode: 'upstream_timeout' },
    } as const;
    expect(planReplay(base([failed])).warnings[0]).toMatch(/call C failed at the site \(upstream_timeout\)/);
  });
});

function popOf(callId: string, outcome: PopReport['outcome'], extra: Partial<PopReport> = {}): PopReport {
  return { callId, outcome, receivedAt: 1, timings: { totalMs: 10 }, source: 'gws', ...extra };
}

describe('outcome comparison', () => {
  const captured = [
    popOf('A', 'found', {
      attribute: 'dtmf',
      value: '1234',
      uniqueId: 'U1',
      historyUrl: 'https://site/h/U1',
    }),
    popOf('B', 'not-found'),
  ];

  it('finds a replay that came to the same outcomes the same, URLs and timings aside', () => {
    const replayed = [
      popOf('B', 'not-found', { receivedAt: 99, timings: { totalMs: 3 } }),
      { ...captured[0]!, historyUrl: 'http://127.0.0.1:5000/history/U1' },
    ];
    const rows = compareOutcomes(captured, replayed);
    expect(rows.map((row) => row.differences)).toEqual([[], []]);
    expect(outcomeTable(rows)).not.toContain('DIFFERENT');
  });

  it('reports a different outcome, a missing pop and a pop the capture does not have', () => {
    const rows = compareOutcomes(captured, [popOf('A', 'not-found'), popOf('Z', 'found')]);
    expect(rows).toMatchObject([
      {
        callId: 'A',
        differences: [
          'outcome: found → not-found',
          'attribute: dtmf → (none)',
          'value: 1234 → (none)',
          'uniqueId: U1 → (none)',
        ],
      },
      { callId: 'B', differences: ['no pop in the replay'] },
      { callId: 'Z', differences: ['not in the capture'] },
    ]);
    const table = outcomeTable(rows);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toMatch(/^A\s+found dtmf\s+not-found\s+DIFFERENT: outcome: found → not-found/m);
  });
});

// The clear samples are what the shipped files were made from: kept in step with them.
it('the clear samples plan like the shipped files, pseudonyms aside', () => {
  for (const [name, clear] of Object.entries(SAMPLE_CAPTURES)) {
    const [a, b] = [planReplay(clear), planReplay(shipped(name as keyof typeof SAMPLE_CAPTURES))];
    expect(
      b.cometd.map((item) => item.atMs),
      name,
    ).toEqual(a.cometd.map((item) => item.atMs));
    expect(b.scapi.events.length, name).toBe(a.scapi.events.length);
    expect(
      b.expected.map((pop) => [pop.outcome, pop.attribute]),
      name,
    ).toEqual(a.expected.map((pop) => [pop.outcome, pop.attribute]));
  }
  expect(WWE_SAMPLE.widget.host).toBe('wwe');
});
