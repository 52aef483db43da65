// A GWS client for simulator tests: a session (cookie and CSRF pair) and the real cometd client
// (Node adapter) subscribed to /v2/me/*, as GWS clients use them.
import { adapt } from 'cometd-nodejs-client';
import { expect } from 'vitest';

adapt();
const { CometD, AckExtension } = await import('cometd');

export { CometD };

export async function signIn(gwsUrl: string): Promise<{ cookie: string; csrf: Record<string, string> }> {
  const response = await fetch(`${gwsUrl}/api/v2/me`);
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const header = response.headers.get('x-csrf-header') ?? '';
  return { cookie, csrf: { [header]: response.headers.get('x-csrf-token') ?? '' } };
}

/**
 * A cometd client on the session, subscribed to /v2/me/* in the handshake listener; collects messages.
 * Resolves once the first subscription is answered (or, `waitForSubscription` false, at once).
 */
export async function listen(gwsUrl: string, cookie: string, { waitForSubscription = true } = {}) {
  const cometd = new CometD();
  cometd.unregisterTransport('websocket');
  cometd.registerExtension('ack', new AckExtension());
  cometd.configure({
    url: `${gwsUrl}/api/v2/notifications`,
    requestHeaders: { Cookie: cookie },
    backoffIncrement: 100,
    maxBackoff: 500,
    logLevel: 'warn',
  });
  const messages: { channel: string; data: Record<string, unknown> }[] = [];
  const subscribeReplies: boolean[] = [];
  let handshakes = 0;
  const subscribed: (() => void)[] = [];
  cometd.addListener('/meta/handshake', (message) => {
    if (!message.successful) return;
    handshakes += 1;
    cometd.subscribe(
      '/v2/me/*',
      (event) => messages.push({ channel: event.channel, data: event.data }),
      (reply) => {
        subscribeReplies.push(reply.successful === true);
        for (const resolve of subscribed.splice(0)) resolve();
      },
    );
  });
  const ready = () => new Promise<void>((resolve) => subscribed.push(resolve));
  const first = ready();
  cometd.handshake();
  if (waitForSubscription) await first;
  const until = async (predicate: () => boolean) => {
    for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(predicate()).toBe(true);
  };
  return {
    cometd,
    messages,
    subscribeReplies,
    first,
    until,
    ready,
    handshakes: () => handshakes,
    stop: () => new Promise<void>((r) => cometd.disconnect(() => r())),
  };
}
