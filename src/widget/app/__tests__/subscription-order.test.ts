// The rule of the notification subscription: nothing that makes GWS publish to us (FindPhoneCall) is
// sent before GWS acknowledged the `/v2/me/*` subscription of the current CometD session, because
// GWS publishes createInteractionResponse only to current subscribers and never replays it.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLookupOrder } from '../../../shared/lookup-order';
import type { WidgetConfig } from '../../../shared/widget-config';
import { clearPops, usePopsStore } from '../../features/calls/store/pops-store';
import { FakeCometD } from '../../features/notifications/__tests__/fake-cometd';
import { AgentRuntime } from '../agent-runtime';

const config: WidgetConfig = {
  lookupOrder: parseLookupOrder('historySearchId=interactionId,callReturn=ani'),
  historyOrigin: 'http://history.test',
  notificationsPath: '/api/v2/notifications',
  ucsTimeoutMs: 10_000,
  simulator: true,
  frameAncestors: [],
  auth: 'gws',
  wwe: { toast: false },
  callerNumberRegion: 'auto',
  feedBacklogMaxAgeMs: 3_600_000,
  historyWarmup: { mode: 'off', url: 'http://history.test/favicon.ico', intervalMs: 30_000 },
  ucsFields: {},
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...headers },
  });

/** GWS and the proxy at the fetch boundary; `calls` is what GET /api/v2/me/calls answers. */
function fakeServers(calls: unknown[] = []) {
  const findPhoneCalls: { callId: string; referenceId: number }[] = [];
  const lookups: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/v2/me') {
      return json({ user: { userName: 'agent' } }, 200, {
        'X-CSRF-HEADER': 'X-CSRF-TOKEN',
        'X-CSRF-TOKEN': 't',
      });
    }
    if (url === '/api/v2/me/calls') return json({ statusCode: 0, calls });
    if (url === '/api/pops') return json({ id: '1-0' }, 202);
    if (url === '/api/v2/ucs/interactions' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { callId: string };
      const referenceId = findPhoneCalls.length + 1;
      findPhoneCalls.push({ callId: body.callId, referenceId });
      return json({ statusCode: 0, referenceId });
    }
    if (url.startsWith('/api/uniphore/unique-id/')) {
      lookups.push(decodeURIComponent(url.slice('/api/uniphore/unique-id/'.length)));
      if (url.endsWith('/historySearchId/UCS-1')) {
        return json({ uniqueId: 'U-1', attribute: 'historySearchId', historyUrl: 'http://history.test/U-1' });
      }
      return json({ type: 'x', title: 'Not found', status: 404, code: 'not_found' }, 404);
    }
    return json({}, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { findPhoneCalls, lookups };
}

const ringing = (id: string) => ({ id, state: 'Ringing', callType: 'Inbound', ani: '+14155550100' });

/** The embedded view; `search` is its URL's query (a deep link hands a call over at once). */
function start(search = '') {
  const fake = new FakeCometD();
  const win = { location: { search, origin: window.location.origin } } as unknown as Window & {
    parent: unknown;
  };
  win.parent = win;
  const runtime = new AgentRuntime({
    config,
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    mode: 'embedded',
    host: 'page',
    win,
    createCometD: () => fake,
  });
  return { fake, runtime };
}

/** Lets every pending fetch, promise and timer callback of the runtime run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('nothing makes GWS publish before the subscription is acknowledged', () => {
  let runtime: AgentRuntime | undefined;
  beforeEach(() => {
    clearPops();
    // The runtime logs the correlations cancelled by stop(); not what these tests look at.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(async () => {
    await runtime?.stop();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('a call handed over before the acknowledgement waits for it, then pops with its UCS id', async () => {
    const servers = fakeServers();
    const started = start('?callId=HOST-1&ani=%2B14155550100');
    runtime = started.runtime;
    const ready = vi.fn();
    void runtime.ready.then(ready);
    await runtime.start();
    started.fake.handshakeSucceeds();
    await settle();
    expect(servers.findPhoneCalls).toEqual([]);
    expect(ready).not.toHaveBeenCalled();
    // Drawn once its grace is over, still waiting for UCS.
    await vi.waitFor(() => expect(usePopsStore.getState().pops['HOST-1']?.ucs.status).toBe('pending'));

    started.fake.answerSubscribe(true);
    await settle();
    expect(ready).toHaveBeenCalled();
    expect(servers.findPhoneCalls).toEqual([{ callId: 'HOST-1', referenceId: 1 }]);
    // GWS publishes the answer now that we are subscribed, and it is heard.
    expect(
      started.fake.deliver('/v2/me/interactions', {
        messageType: 'createInteractionResponse',
        referenceId: 1,
        interactionId: 'UCS-1',
        isCreated: 'true',
      }),
    ).toBe(true);
    await vi.waitFor(() => expect(usePopsStore.getState().pops['HOST-1']?.settledAt).toBeDefined());
    expect(servers.lookups).toContain('historySearchId/UCS-1');
    expect(usePopsStore.getState().pops['HOST-1']?.attempts[0]).toMatchObject({
      status: 'found',
      uniqueId: 'U-1',
    });
  });

  it('after a re-handshake, a call found ringing by the refetch waits for the new acknowledgement', async () => {
    const servers = fakeServers();
    const started = start();
    runtime = started.runtime;
    await runtime.start();
    started.fake.handshakeSucceeds();
    started.fake.answerSubscribe(true);
    await settle();

    // The server restarted; a call rang meanwhile and is listed by GET /api/v2/me/calls.
    const after = fakeServers([ringing('RESYNC-1')]);
    started.fake.handshakeSucceeds();
    await settle();
    await vi.waitFor(() => expect(usePopsStore.getState().pops['RESYNC-1']).toBeDefined());
    expect(after.findPhoneCalls).toEqual([]);
    started.fake.answerSubscribe(true);
    await settle();
    expect(after.findPhoneCalls).toEqual([{ callId: 'RESYNC-1', referenceId: 1 }]);
    expect(servers.findPhoneCalls).toEqual([]);
  });

  it('reads the calls in progress again once subscribed: a call that rang in between is not lost', async () => {
    fakeServers();
    const started = start();
    runtime = started.runtime;
    await runtime.start();
    started.fake.handshakeSucceeds();
    await settle();
    // Rang after the first read, before the acknowledgement: never published to us.
    const servers = fakeServers([ringing('GAP-1')]);
    started.fake.answerSubscribe(true);
    await vi.waitFor(() => expect(usePopsStore.getState().pops['GAP-1']).toBeDefined());
    await settle();
    expect(servers.findPhoneCalls).toEqual([{ callId: 'GAP-1', referenceId: 1 }]);
  });
});
