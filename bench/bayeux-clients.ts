// A load process for the long-poll benchmark (bench/long-polls.ts forks several): many CometD clients
// in plain HTTP (the Bayeux steps of bench/browser-floor-client.js), each with a GWS session of its
// own, subscribed to /v2/me/* and holding a /meta/connect open, as an agent's widget does. The
// parent steers it over IPC; times are epoch milliseconds (performance.timeOrigin + now), so that
// they compare across the processes of one machine.
import http from 'node:http';

export type Command =
  | { type: 'open'; base: string; count: number }
  /** Publish one event to each client's GWS session at a random moment within `windowMs`. */
  | { type: 'spread'; simUrl: string; windowMs: number }
  /** Report when each client received the broadcast event `id`. */
  | { type: 'collect'; id: string; waitMs: number }
  | { type: 'close' };

export type Report =
  | { type: 'opened'; open: number; failed: number; seconds: number }
  | { type: 'spread'; delays: number[]; missing: number; errors: number }
  | { type: 'collected'; arrivals: number[]; missing: number }
  | { type: 'closed' };

export const EVENT_CHANNEL = '/v2/me/bench';
const NOTIFICATIONS = '/api/v2/notifications';
const OPEN_CONCURRENCY = 25;

const epoch = () => performance.timeOrigin + performance.now();
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const controlAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });

interface Answer {
  status: number;
  setCookie: string[];
  /** The simulator's x-sim-published-at, on a publish. */
  publishedAt: number;
  body: string;
}

function request(url: string, options: { method: string; cookie?: string; body?: unknown }, via = agent) {
  return new Promise<Answer>((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json;charset=UTF-8';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const req = http.request(url, { method: options.method, headers, agent: via }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          setCookie: res.headers['set-cookie'] ?? [],
          publishedAt: Number(res.headers['x-sim-published-at']),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

interface BayeuxMessage {
  channel: string;
  successful?: boolean;
  clientId?: string;
  data?: { id?: string };
  advice?: { reconnect?: string };
}

class Client {
  readonly cookies = new Map<string, string>();
  clientId = '';
  nextId = 0;
  closed = false;
  /** Event id → arrival time. */
  readonly arrivals = new Map<string, number>();
  errors = 0;
  onEvent: ((id: string) => void) | undefined;

  constructor(readonly base: string) {}

  get session(): string {
    return this.cookies.get('JSESSIONID') ?? '';
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(answer: Answer): void {
    for (const line of answer.setCookie) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  private async bayeux(path: string, message: Record<string, unknown>): Promise<BayeuxMessage[]> {
    const answer = await request(`${this.base}${NOTIFICATIONS}${path}`, {
      method: 'POST',
      cookie: this.cookieHeader(),
      body: [{ id: String(++this.nextId), ...message }],
    });
    this.keep(answer);
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status} on ${path}`);
    return JSON.parse(answer.body) as BayeuxMessage[];
  }

  private receive(messages: BayeuxMessage[]): boolean {
    let connected = true;
    const at = epoch();
    for (const message of messages) {
      if (message.channel === EVENT_CHANNEL && message.data?.id) {
        this.arrivals.set(message.data.id, at);
        this.onEvent?.(message.data.id);
      } else if (message.channel === '/meta/connect' && message.successful === false) {
        connected = false;
      }
    }
    return connected;
  }

  /** GWS session, handshake, subscription; then the long-poll loop runs until close. */
  async open(): Promise<void> {
    this.keep(await request(`${this.base}/api/v2/me`, { method: 'GET' }));
    if (!this.session) throw new Error('no GWS session');
    await this.handshake();
    void this.hold();
  }

  private async handshake(): Promise<void> {
    const [shake] = await this.bayeux('/handshake', {
      channel: '/meta/handshake',
      version: '1.0',
      supportedConnectionTypes: ['long-polling'],
    });
    if (!shake?.successful || !shake.clientId) throw new Error('handshake refused');
    this.clientId = shake.clientId;
    this.receive(
      await this.bayeux('/connect', {
        channel: '/meta/connect',
        clientId: this.clientId,
        connectionType: 'long-polling',
        advice: { timeout: 0 },
      }),
    );
    const [subscribed] = await this.bayeux('/subscribe', {
      channel: '/meta/subscribe',
      clientId: this.clientId,
      subscription: '/v2/me/*',
    });
    if (!subscribed?.successful) throw new Error('subscribe refused');
  }

  private async hold(): Promise<void> {
    while (!this.closed) {
      try {
        const messages = await this.bayeux('/connect', {
          channel: '/meta/connect',
          clientId: this.clientId,
          connectionType: 'long-polling',
        });
        if (!this.receive(messages) && !this.closed) {
          // Session lost (expired, or the server restarted): counted, and opened again.
          this.errors += 1;
          await this.handshake();
        }
      } catch {
        if (this.closed) return;
        this.errors += 1;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}

let clients: Client[] = [];

async function open(base: string, count: number): Promise<Report> {
  const started = performance.now();
  clients = Array.from({ length: count }, () => new Client(base));
  let failed = 0;
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < clients.length; index = next++) {
      try {
        await clients[index]!.open();
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker));
  return {
    type: 'opened',
    open: count - failed,
    failed,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * One event per client, each published to its own GWS session at a random moment of the window;
 * its delay is the arrival minus the simulator's publish time.
 */
async function spread(simUrl: string, windowMs: number): Promise<Report> {
  const publishedAt = new Map<string, number>();
  const pending = new Set<string>();
  let errors = 0;
  let done: () => void = () => {};
  const allArrived = new Promise<void>((resolve) => {
    done = resolve;
  });
  const errorsBefore = clients.reduce((sum, client) => sum + client.errors, 0);
  const events = clients.map((client, index) => {
    const id = `s${process.pid}-${index}-${Date.now()}`;
    pending.add(id);
    client.onEvent = (eventId) => {
      if (pending.delete(eventId) && pending.size === 0) done();
    };
    setTimeout(() => {
      request(
        `${simUrl}/sim/cometd/publish`,
        { method: 'POST', body: { channel: EVENT_CHANNEL, data: { id }, session: client.session } },
        controlAgent,
      ).then(
        (answer) => {
          if (answer.status !== 200 || JSON.parse(answer.body).delivered !== 1) errors += 1;
          else publishedAt.set(id, answer.publishedAt);
        },
        () => {
          errors += 1;
        },
      );
    }, Math.random() * windowMs);
    return { client, id };
  });
  await Promise.race([allArrived, new Promise((resolve) => setTimeout(resolve, windowMs + 10_000))]);
  // The last publish answers may still be on their way back.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const delays: number[] = [];
  for (const { client, id } of events) {
    client.onEvent = undefined;
    const at = client.arrivals.get(id);
    const published = publishedAt.get(id);
    if (at !== undefined && published !== undefined) delays.push(at - published);
  }
  errors += clients.reduce((sum, client) => sum + client.errors, 0) - errorsBefore;
  return { type: 'spread', delays, missing: pending.size, errors };
}

async function collect(id: string, waitMs: number): Promise<Report> {
  const deadline = performance.now() + waitMs;
  while (performance.now() < deadline && clients.some((client) => !client.arrivals.has(id))) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const arrivals = clients.flatMap((client) => client.arrivals.get(id) ?? []);
  return { type: 'collected', arrivals, missing: clients.length - arrivals.length };
}

function close(): Report {
  for (const client of clients) client.closed = true;
  clients = [];
  // Held polls are cut: the server sees its sockets close, as when agents close their browsers.
  agent.destroy();
  return { type: 'closed' };
}

process.on('message', (command: Command) => {
  const answer = (report: Report | Promise<Report>) =>
    void Promise.resolve(report).then((r) => process.send?.(r));
  switch (command.type) {
    case 'open':
      return answer(open(command.base, command.count));
    case 'spread':
      return answer(spread(command.simUrl, command.windowMs));
    case 'collect':
      return answer(collect(command.id, command.waitMs));
    case 'close':
      return answer(close());
  }
});
