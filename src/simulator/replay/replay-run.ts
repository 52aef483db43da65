// One replay of a capture against the simulator: the simulated UCS and Uniphore are set to answer
// as the site did, then the capture's CometD messages are published with their timing, starting
// once the widget is subscribed (a message GWS publishes to nobody is lost, at a site as here).
import type { CometdHost } from '../gws/cometd-host';
import type { GwsSession } from '../gws/sessions';
import type { Ucs } from '../gws/ucs';
import type { RecordStore } from '../uniphore/records';
import type { ReplayPlan } from './replay-plan';

export interface ReplayWorld {
  cometd: CometdHost;
  ucs: Ucs;
  records: RecordStore;
}

export type ReplayState = 'waiting-for-subscriber' | 'playing' | 'done' | 'failed';

const POLL_MS = 50;

export class ReplayRun {
  state: ReplayState = 'waiting-for-subscriber';
  published = 0;
  /** Clients reached, summed over the messages published. */
  delivered = 0;
  problem: string | undefined;
  readonly startedAt = Date.now();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly plan: ReplayPlan,
    private readonly world: ReplayWorld,
    private readonly options: { session?: GwsSession | undefined; waitForSubscriberMs: number },
  ) {}

  /** Sets the world up at once (before the answer, so the widget's first lookups find it), then plays. */
  start(): void {
    const { plan, world } = this;
    // Only what the capture implies: a seed record would turn a captured miss into a hit.
    world.records.clear();
    for (const record of plan.records) world.records.add(record.attribute, record.value, record.uniqueId);
    if (plan.ucsChannel) world.ucs.channel = plan.ucsChannel;
    for (const answer of plan.ucs) {
      if (answer.interactionId) world.ucs.assign(answer.callId, answer.interactionId);
      else
        world.ucs.script(
          answer.callId,
          answer.silent ? 'never' : { errorMessage: answer.errorMessage ?? '' },
        );
    }
    const first = plan.cometd[0];
    if (!first) {
      this.state = 'done';
      return;
    }
    const deadline = Date.now() + this.options.waitForSubscriberMs;
    const wait = () => {
      if (world.cometd.subscribed(first.channel ?? '', this.options.session) > 0) return this.play();
      if (Date.now() >= deadline) {
        this.state = 'failed';
        this.problem = `nobody subscribed to ${first.channel} within ${this.options.waitForSubscriberMs} ms`;
        return;
      }
      this.later(wait, POLL_MS);
    };
    wait();
  }

  private play(): void {
    this.state = 'playing';
    const { cometd } = this.plan;
    for (const item of cometd) {
      this.later(() => {
        this.delivered += this.world.cometd.deliver(item.channel ?? '', item.message, this.options.session);
        this.published += 1;
        if (this.published === cometd.length) this.state = 'done';
      }, item.atMs);
    }
  }

  private later(task: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    this.timers.add(timer);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  toJSON() {
    const { state, published, delivered, problem, startedAt } = this;
    return {
      state,
      published,
      total: this.plan.cometd.length,
      delivered,
      startedAt,
      ...(problem ? { problem } : {}),
    };
  }
}
