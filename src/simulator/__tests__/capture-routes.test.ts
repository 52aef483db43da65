// /sim/captures over real sockets, with the real cometd client: a bad capture changes nothing, a good
// one replays its GWS side as captured, and the simulated UCS and Uniphore answer as the site did.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS, type Capture } from '../../shared/capture';
import { SIMULATOR_CREDENTIALS } from '../index';
import { listen, signIn } from './support/gws-client';
import { startedSimulator } from './support/simulator';

const simulator = startedSimulator();

const sample = JSON.parse(
  readFileSync(new URL('../captures/genesys-gws-sample.json', import.meta.url), 'utf8'),
) as Capture;

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${simulator().gwsUrl}/sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const lookup = async (attribute: string, value: string) => {
  const { accountId, tenantId, applicationKey, environmentName } = SIMULATOR_CREDENTIALS;
  const response = await fetch(
    `${simulator().uniphoreUrl}/interact/agent/version/2/account/${accountId}/uniqueId/${attribute}/${encodeURIComponent(value)}`,
    {
      headers: {
        'Tenant-Id': tenantId,
        'Application-Key': applicationKey,
        'Environment-Name': environmentName,
      },
    },
  );
  return { status: response.status, text: await response.text() };
};

describe('capture upload', () => {
  it.each([
    ['not JSON', '{"format":', /JSON/],
    ['another format', { ...sample, format: 'har' }, /^\/format: expected "uhw-capture"$/],
    [
      'a malformed entry',
      { ...sample, entries: [{ at: 0, via: 'cometd', dir: 'in', data: {} }] },
      /^\/entries\/0\/channel: is required$/,
    ],
  ])(
    'refuses %s with 400 and a clear message, storing and changing nothing',
    async (_name, body, message) => {
      const records = await control('GET', '/uniphore/records');
      const refused = await control('POST', '/captures', body);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(message);
      expect(await control('GET', '/uniphore/records')).toEqual(records);
    },
  );

  it('refuses a capture larger than the limit with 413', async () => {
    const huge = { ...sample, note: 'x'.repeat(CAPTURE_LIMITS.maxBytes) };
    expect((await control('POST', '/captures', huge)).status).toBe(413);
  });

  it('keeps a good capture, hands it back, and forgets it on reset', async () => {
    const uploaded = await control('POST', '/captures', sample);
    expect(uploaded).toEqual({
      status: 201,
      body: {
        id: expect.stringMatching(/^cap-[0-9a-f]{12}$/),
        entries: 15,
        pops: 2,
        host: 'page',
        warnings: [],
      },
    });
    const id = String(uploaded.body.id);
    expect(await control('GET', `/captures/${id}`)).toEqual({ status: 200, body: sample });
    await control('POST', '/reset', {});
    expect((await control('GET', `/captures/${id}`)).status).toBe(404);
    expect((await control('POST', `/captures/${id}/replay`, {})).status).toBe(404);
  });
});

describe('capture replay, GWS side', () => {
  it('publishes the call events in order once a widget listens; UCS and Uniphore answer as captured', async () => {
    const { id } = (await control('POST', '/captures', sample)).body as { id: string };
    const { cookie, csrf } = await signIn(simulator().gwsUrl);
    // Started before anyone listens: the replay waits for a subscriber.
    const started = await control('POST', `/captures/${id}/replay`, { maxGapMs: 20 });
    expect(started).toMatchObject({ status: 202, body: { state: 'waiting-for-subscriber', total: 5 } });
    const client = await listen(simulator().gwsUrl, cookie);
    try {
      const calls = () => client.messages.filter((m) => m.channel === '/v2/me/calls');
      await client.until(() => calls().length === 5);
      expect(
        calls().map((m) => [
          (m.data.call as { id: string }).id.slice(-1),
          (m.data.call as { state: string }).state,
        ]),
      ).toEqual([
        ['G', 'Ringing'],
        ['G', 'Established'],
        ['G', 'Released'],
        ['K', 'Ringing'],
        ['K', 'Released'],
      ]);
      expect(calls()[0]?.data).toEqual(sample.entries[2]?.data);

      const ack = await fetch(`${simulator().gwsUrl}/api/v2/ucs/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...csrf },
        body: JSON.stringify({
          operationName: 'FindPhoneCall',
          callId: '013V08JRL498H1OI04000VTAES00000G',
          status: 'New',
          phoneNumber: '+1',
          type: 'Inbound',
        }),
      });
      const { referenceId } = (await ack.json()) as { referenceId: number };
      await client.until(() => client.messages.some((m) => m.data.referenceId === referenceId));
      expect(client.messages.find((m) => m.data.referenceId === referenceId)).toEqual({
        channel: '/v2/me/ucs',
        data: {
          referenceId,
          messageType: 'createInteractionResponse',
          interactionId: '0000DaA3G4VF000Q',
          isCreated: 'false',
        },
      });
    } finally {
      await client.stop();
    }

    const found = sample.entries.find((entry) => entry.via === 'pop')?.data as {
      value: string;
      uniqueId: string;
    };
    expect(await lookup('dtmf', found.value)).toEqual({ status: 200, text: found.uniqueId });
    // Only what the capture implies: the simulator's own seed callers are gone for the replay.
    expect((await lookup('callReturn', '+14155550100')).status).toBe(404);

    const result = await control('GET', `/captures/${id}/result`);
    expect(result.body).toMatchObject({
      replay: { state: 'done', published: 5, total: 5, delivered: 5 },
      lookups: [
        { attribute: 'dtmf', value: found.value, status: 200 },
        { attribute: 'callReturn', value: '+14155550100', status: 404 },
      ],
      findPhoneCalls: [expect.objectContaining({ callId: '013V08JRL498H1OI04000VTAES00000G' })],
    });
    expect((result.body.expected as unknown[]).length).toBe(2);
  });

  it('says when nobody subscribed in time', async () => {
    const { id } = (await control('POST', '/captures', sample)).body as { id: string };
    await control('POST', `/captures/${id}/replay`, { waitForSubscriberMs: 100 });
    await expect
      .poll(async () => (await control('GET', `/captures/${id}/result`)).body.replay)
      .toMatchObject({ state: 'failed', problem: 'nobody subscribed to /v2/me/calls within 100 ms' });
  });
});
