// Whether GWS would publish to us right now. GWS delivers a notification (createInteractionResponse
// above all) only to the CometD sessions subscribed at that moment, with no replay, so anything that
// makes GWS publish to us must wait until the current session's `/v2/me/*` subscription is
// acknowledged and the long-poll link is up.

export class SubscriptionGate {
  #subscribed = false;
  #linkUp = false;
  #waiters = new Set<() => void>();

  get open(): boolean {
    return this.#subscribed && this.#linkUp;
  }

  /** A new CometD session: the server holds no subscription of ours until the next acknowledgement. */
  handshake(): void {
    this.#subscribed = false;
    this.#linkUp = true;
  }

  /** The server acknowledged the subscription on the current session. */
  subscribed(): void {
    this.#subscribed = true;
    this.#release();
  }

  /** `/meta/connect` failed (link down) or succeeded again (the same session's subscriptions hold). */
  link(up: boolean): void {
    this.#linkUp = up;
    this.#release();
  }

  /** The connection is closed for good: nothing will be published to us any more. */
  close(): void {
    this.#subscribed = false;
    this.#linkUp = false;
  }

  /** Resolves true once open, or false after `timeoutMs`. */
  wait(timeoutMs: number): Promise<boolean> {
    if (this.open) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (open: boolean) => {
        clearTimeout(timer);
        this.#waiters.delete(onOpen);
        resolve(open);
      };
      const onOpen = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.#waiters.add(onOpen);
    });
  }

  #release(): void {
    if (!this.open) return;
    // Waiters run in the order they started waiting: calls queued behind the gate keep their order.
    for (const waiter of [...this.#waiters]) waiter();
  }
}
