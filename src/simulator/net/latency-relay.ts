// A TCP relay that delays every chunk by a fixed one-way latency in each direction, and a new
// connection's first bytes by one round trip more (its TCP handshake): a network leg of `rttMs` round
// trip in front of a simulated server. At the TCP level, so that connection set-up, TLS
// handshakes and long-polls pay the round trips they pay on a real network, and connection reuse
// saves what it saves there.
import net, { type AddressInfo } from 'node:net';

export interface LatencyRelay {
  port: number;
  close(): Promise<void>;
}

/**
 * Forwards `from` to `to`, each chunk `delayMs` later (plus `firstExtraMs` before the first one);
 * constant delays keep the order of chunks.
 */
function delayedPipe(from: net.Socket, to: net.Socket, delayMs: number, firstExtraMs = 0): void {
  let notBefore = 0;
  from.on('data', (chunk) => {
    // Never overtake an earlier chunk still held for the handshake.
    const due = Math.max(performance.now() + delayMs + firstExtraMs, notBefore);
    firstExtraMs = 0;
    notBefore = due;
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, due - performance.now());
  });
  from.on('end', () => setTimeout(() => to.end(), delayMs));
  from.on('error', () => setTimeout(() => to.destroy(), delayMs));
  from.on('close', () => setTimeout(() => to.destroy(), delayMs));
}

export async function startLatencyRelay(
  target: { host: string; port: number },
  rttMs: number,
  host = '127.0.0.1',
): Promise<LatencyRelay> {
  const oneWay = rttMs / 2;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    client.setNoDelay(true);
    // The connection to the target opens one way later, as a SYN would arrive.
    const upstream = net.connect({ ...target, noDelay: true });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    // The kernel completes the client's TCP handshake at once; on a real leg its SYN and SYN-ACK
    // cost a round trip before the client's first bytes can even leave.
    delayedPipe(client, upstream, oneWay, rttMs);
    delayedPipe(upstream, client, oneWay);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
