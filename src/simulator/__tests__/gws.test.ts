// The GWS stand-in over real sockets, with the real cometd client (Node adapter) as GWS clients use it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { subscriptionsCovering } from '../gws/cometd-host';
import { type Simulator, startSimulator } from '../index';
import { CometD, listen as listenOn, signIn as signInOn } from './support/gws-client';

let sim: Simulator;
const signIn = () => signInOn(sim.gwsUrl);
const listen = (cookie: string, options?: { waitForSubscription?: boolean }) =>
  listenOn(sim.gwsUrl, cookie, options);
beforeAll(async () => {
  sim = await startSimulator({ cometdTimeoutMs: 2_000 });
});
afterAll(async () => sim.close());
beforeEach(async () => {
  await fetch(`${sim.gwsUrl}/sim/reset`, { method: 'POST' });
});

const findPhoneCall = {
  operationName: 'FindPhoneCall',
  callId: 'CALL-1',
  status: 'New',
  phoneNumber: '+14155550100',
  type: 'Inbound',
};

describe('GWS session and CSRF', () => {
  it('hands out a session cookie and the CSRF header pair', async () => {
    const { cookie, csrf } = await signIn();
    expect(cookie).toMatch(/^JSESSIONID=\w+$/);
    expect(Object.keys(csrf)).toEqual(['X-CSRF-TOKEN']);
  });

  it('refuses POSTs without a session (401) or without the CSRF token (403), accepts them with it', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${sim.gwsUrl}/api/v2/ucs/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(findPhoneCall),
      });
    expect((await post({})).status).toBe(401);
    const { cookie, csrf } = await signIn();
    const missing = await post({ cookie });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ message: 'Missing or invalid Csrf token' });
    expect((await post({ cookie, 'X-CSRF-TOKEN': 'wrong' })).status).toBe(403);
    expect((await post({ cookie, ...csrf })).status).toBe(200);
  });

  it('refuses a CometD handshake without a GWS session', async () => {
    const cometd = new CometD();
    cometd.unregisterTransport('websocket');
    cometd.configure({ url: `${sim.gwsUrl}/api/v2/notifications`, logLevel: 'warn' });
    const reply = await new Promise<{ successful?: boolean; error?: string }>((resolve) => {
      cometd.addListener('/meta/handshake', resolve);
      cometd.handshake();
    });
    expect(reply.successful).toBe(false);
    expect(reply.error).toMatch(/403/);
    cometd.disconnect();
  });
});

describe('simulated users', () => {
  interface Me {
    user: { id: string; roles: string[] };
  }
  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('signs in the demo agent without credentials, with the agent role only', async () => {
    const me = (await (await fetch(`${sim.gwsUrl}/api/v2/me`)).json()) as Me;
    expect(me.user).toMatchObject({
      id: 'agent-1',
      firstName: 'Dana',
      lastName: 'Demo',
      roles: ['ROLE_AGENT'],
    });
  });

  it('signs in the supervisor with Basic credentials, and refuses a wrong password', async () => {
    const response = await fetch(`${sim.gwsUrl}/api/v2/me`, {
      headers: { authorization: basic('supervisor', 'supervisor') },
    });
    expect(response.status).toBe(200);
    const me = (await response.json()) as Me;
    expect(me.user).toMatchObject({
      id: 'supervisor-1',
      userName: 'supervisor',
      firstName: 'Sam',
      lastName: 'Super',
    });
    expect(me.user.roles).toEqual(['ROLE_AGENT', 'ROLE_SUPERVISOR']);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const again = (await (await fetch(`${sim.gwsUrl}/api/v2/me`, { headers: { cookie } })).json()) as Me;
    expect(again.user.id).toBe('supervisor-1');
    const wrong = await fetch(`${sim.gwsUrl}/api/v2/me`, {
      headers: { authorization: basic('supervisor', 'demo') },
    });
    expect(wrong.status).toBe(401);
  });

  it('lists its demo accounts at GET /sim/users', async () => {
    const { users } = (await (await fetch(`${sim.gwsUrl}/sim/users`)).json()) as { users: unknown[] };
    expect(users).toEqual([
      { username: 'demo', password: 'demo', firstName: 'Dana', lastName: 'Demo', roles: ['ROLE_AGENT'] },
      {
        username: 'supervisor',
        password: 'supervisor',
        firstName: 'Sam',
        lastName: 'Super',
        roles: ['ROLE_AGENT', 'ROLE_SUPERVISOR'],
      },
    ]);
  });
});

describe('UCS FindPhoneCall', () => {
  it.each([
    [{ ...findPhoneCall, callId: undefined }, /callId/],
    [{ ...findPhoneCall, status: 'Ringing' }, /status/],
    [{ ...findPhoneCall, type: 'Voice' }, /type/],
    [{ ...findPhoneCall, extra: 1 }, /./],
  ])('answers 400 to a malformed request %#', async (body, message) => {
    const { cookie, csrf } = await signIn();
    const response = await fetch(`${sim.gwsUrl}/api/v2/ucs/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...csrf },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
  });

  it('acknowledges with a referenceId and then notifies the session with the same referenceId', async () => {
    const { cookie, csrf } = await signIn();
    const client = await listen(cookie);
    const response = await fetch(`${sim.gwsUrl}/api/v2/ucs/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...csrf },
      body: JSON.stringify(findPhoneCall),
    });
    const ack = (await response.json()) as { referenceId: number };
    expect(ack).toEqual({ statusCode: 0, referenceId: expect.any(Number) });
    await client.until(() => client.messages.some((m) => m.data.messageType === 'createInteractionResponse'));
    const notification = client.messages.find((m) => m.data.messageType === 'createInteractionResponse');
    expect(notification?.data).toMatchObject({
      referenceId: ack.referenceId,
      isCreated: 'true',
      interactionId: expect.stringMatching(/^\w{16}$/),
    });
    await client.stop();
  });

  it('can deliver the notification before the HTTP answer', async () => {
    const { cookie, csrf } = await signIn();
    const client = await listen(cookie);
    await fetch(`${sim.gwsUrl}/sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ucs: { mode: 'before-ack' } }),
    });
    const response = await fetch(`${sim.gwsUrl}/api/v2/ucs/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...csrf },
      body: JSON.stringify(findPhoneCall),
    });
    const seenBeforeAnswer = client.messages.some((m) => m.data.messageType === 'createInteractionResponse');
    expect(response.status).toBe(200);
    expect(seenBeforeAnswer).toBe(true);
    await client.stop();
  });
});

describe('calls and CometD restarts', () => {
  it('publishes CallStateChangeMessage for a placed call and lists it in /api/v2/me/calls', async () => {
    const { cookie } = await signIn();
    const client = await listen(cookie);
    const placed = (await (
      await fetch(`${sim.gwsUrl}/sim/calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ani: '+14155550100', userData: { DTMF: '4567' } }),
      })
    ).json()) as { id: string };
    await client.until(() => client.messages.some((m) => m.channel === '/v2/me/calls'));
    const event = client.messages.find((m) => m.channel === '/v2/me/calls')?.data;
    expect(event).toMatchObject({
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      call: {
        id: placed.id,
        state: 'Ringing',
        callType: 'Inbound',
        ani: '+14155550100',
        participants: ['+14155550100'],
        userData: { DTMF: '4567' },
      },
    });
    const calls = (await (await fetch(`${sim.gwsUrl}/api/v2/me/calls`, { headers: { cookie } })).json()) as {
      calls: { id: string }[];
    };
    expect(calls.calls.map((call: { id: string }) => call.id)).toEqual([placed.id]);
    await client.stop();
  });

  it('after a restart the client must re-handshake, and receives events again', {
    timeout: 20_000,
  }, async () => {
    const { cookie } = await signIn();
    const client = await listen(cookie);
    const again = client.ready();
    await fetch(`${sim.gwsUrl}/sim/cometd/restart`, { method: 'POST' });
    await again;
    expect(client.handshakes()).toBe(2);
    await fetch(`${sim.gwsUrl}/sim/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ani: '+14155550111' }),
    });
    await client.until(() => client.messages.some((m) => m.channel === '/v2/me/calls'));
    await client.stop();
  });
});

describe('subscriptions, as GWS has them', () => {
  const setFaults = (faults: unknown) =>
    fetch(`${sim.gwsUrl}/sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
  const post = async (cookie: string, csrf: Record<string, string>) =>
    (
      (await (
        await fetch(`${sim.gwsUrl}/api/v2/ucs/interactions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, ...csrf },
          body: JSON.stringify(findPhoneCall),
        })
      ).json()) as { referenceId: number }
    ).referenceId;

  it('publishes nothing to a client whose subscription is not yet in effect, and nothing is kept for it', async () => {
    const { cookie, csrf } = await signIn();
    await setFaults({ cometd: { subscribeDelayMs: 400 } });
    const client = await listen(cookie, { waitForSubscription: false });
    await client.until(() => client.handshakes() === 1);
    const missed = await post(cookie, csrf);
    await client.first;
    expect(client.subscribeReplies).toEqual([true]);
    const heard = await post(cookie, csrf);
    const references = () =>
      client.messages
        .filter((m) => m.data.messageType === 'createInteractionResponse')
        .map((m) => m.data.referenceId);
    await client.until(() => references().includes(heard));
    expect(references()).not.toContain(missed);
    await client.stop();
  });

  it('refuses as many subscriptions as asked, then accepts them again', async () => {
    const { cookie } = await signIn();
    await setFaults({ cometd: { refuseSubscribes: 1 } });
    const client = await listen(cookie);
    expect(client.subscribeReplies).toEqual([false]);
    const faults = (await (await fetch(`${sim.gwsUrl}/sim/faults`)).json()) as {
      cometd: { refuseSubscribes: number };
    };
    expect(faults.cometd.refuseSubscribes).toBe(0);
    await client.stop();
  });

  it('publishes to one GWS session’s clients when asked, to every session’s otherwise', async () => {
    const publish = (body: Record<string, unknown>) =>
      fetch(`${sim.gwsUrl}/sim/cometd/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: '/v2/me/bench', ...body }),
      });
    const sessions = [await signIn(), await signIn()];
    const clients = await Promise.all(sessions.map(({ cookie }) => listen(cookie)));
    const sessionId = sessions[0]!.cookie.split('=')[1]!;
    const before = performance.timeOrigin + performance.now();
    const toOne = await publish({ data: { n: 1 }, session: sessionId });
    expect(await toOne.json()).toEqual({ delivered: 1 });
    expect(Number(toOne.headers.get('x-sim-published-at'))).toBeGreaterThanOrEqual(before);
    expect(await (await publish({ data: { n: 2 } })).json()).toEqual({ delivered: 2 });
    const seen = (client: (typeof clients)[number]) =>
      client.messages.filter((m) => m.channel === '/v2/me/bench').map((m) => m.data.n);
    await clients[0]!.until(() => seen(clients[0]!).length === 2);
    await clients[1]!.until(() => seen(clients[1]!).length === 1);
    expect(seen(clients[0]!)).toEqual([1, 2]);
    expect(seen(clients[1]!)).toEqual([2]);
    expect((await publish({ data: {}, session: 'no-such-session' })).status).toBe(404);
    await Promise.all(clients.map((client) => client.stop()));
  });

  it('names the subscriptions that cover a channel', () => {
    expect([...subscriptionsCovering('/v2/me/calls')].sort()).toEqual(
      ['/**', '/v2/**', '/v2/me/**', '/v2/me/*', '/v2/me/calls'].sort(),
    );
  });
});
