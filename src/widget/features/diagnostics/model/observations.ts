// What the diagnostics view has seen of the desktop and of GWS, kept as facts about shapes (which keys
// a message had, which channel, how long), never as values: nothing here is a caller number, an
// attached-data value, a token or a cookie, so nothing derived from it can leak one. Pure: fed the
// messages the widget sent and received (the wire tap), unit-tested without a desktop.

export interface Observations {
  /** WWE: answers to requests, by request name: how many carried `data`, and the keys of those that did not. */
  answers: Map<string, { withData: number; withoutData: string[][] }>;
  /** WWE: requests refused with `errorMessage` (its text, digits masked), or never answered. */
  refused: Map<string, string>;
  /** WWE: `interaction` / `markdone` events: shapes as accepted (the Interaction, `{interaction}`) or the keys seen. */
  events: Map<'interaction' | 'markdone', { accepted: number; rejected: string[][] }>;
  /** WWE: voice interactions seen (by WWE's interaction id), and those that had a callUuid. */
  voice: { seen: Set<string>; withCallUuid: Set<string> };
  /** WWE: callUuid values seen (kept only to match FindPhoneCall's callId; never shown). */
  callUuids: Set<string>;
  /** WWE: auth.getJwtToken answer shape. */
  jwt: { answered: boolean; expiration: boolean; tokenChars: number } | null;
  /** WWE: system.amIVisible answered a boolean (or something else). */
  visible: 'boolean' | 'other' | null;
  /** Origins the parent window's messages came from. */
  parentOrigins: Set<string>;
  /** CometD meta outcomes. */
  handshake: { ok: boolean; error?: string | undefined } | null;
  connected: boolean;
  subscribe: { ok: boolean; ms: number } | null;
  /** createInteractionResponse: the channel it came on, ms after FindPhoneCall's answer, success. */
  ucsAnswers: { referenceId: string; channel: string; ms: number | null; ok: boolean; byCallUuid: boolean }[];
  /** Call messages: participants' shapes, whether `ani` and a top-level `phoneNumber` were there. */
  calls: {
    participants: Set<'strings' | 'objects' | 'empty' | 'none'>;
    ani: number;
    noAni: number;
    phoneNumber: number;
  };
}

export const createObservations = (): Observations => ({
  answers: new Map(),
  refused: new Map(),
  events: new Map(),
  voice: { seen: new Set(), withCallUuid: new Set() },
  callUuids: new Set(),
  jwt: null,
  visible: null,
  parentOrigins: new Set(),
  handshake: null,
  connected: false,
  subscribe: null,
  ucsAnswers: [],
  calls: { participants: new Set(), ani: 0, noAni: 0, phoneNumber: 0 },
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Key names only, sorted: the shape of a message, none of its values. */
const keysOf = (value: unknown): string[] =>
  isObject(value) ? Object.keys(value).sort().slice(0, 16) : [typeof value];
/** Any run of digits becomes `#`: an error text may quote a number. */
export const maskDigits = (text: string): string => text.replace(/\d+/g, '#').slice(0, 120);

const isInteraction = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && typeof value.interactionId === 'string' && typeof value.state === 'string';
const VOICE_FIELDS = ['callUuid', 'callType', 'direction', 'ani', 'dnis'];

/** The widget's side of the SCAPI conversation, to name the request each answer belongs to. */
export class ScapiObserver {
  private readonly requests = new Map<string, { name: string; at: number }>();
  constructor(private readonly seen: Observations) {}

  outgoing(message: unknown): void {
    if (!isObject(message) || typeof message.referenceId !== 'string') return;
    const name =
      typeof message.request === 'string'
        ? message.request
        : message.event === 'subscribe'
          ? 'subscribe'
          : '';
    if (name) this.requests.set(message.referenceId, { name, at: Date.now() });
  }

  incoming(message: unknown, origin: string): void {
    this.seen.parentOrigins.add(origin);
    if (!isObject(message)) return;
    if (typeof message.event === 'string') {
      this.event(message.event, message.data);
      return;
    }
    if (typeof message.referenceId !== 'string') return;
    const request = this.requests.get(message.referenceId);
    if (!request) return;
    this.requests.delete(message.referenceId);
    if (typeof message.errorMessage === 'string') {
      this.seen.refused.set(request.name, maskDigits(message.errorMessage));
      return;
    }
    if (request.name === 'subscribe') return;
    const tally = this.seen.answers.get(request.name) ?? { withData: 0, withoutData: [] };
    const { userAgent: _agent, protocolVersion: _version, referenceId: _reference, ...rest } = message;
    if ('data' in message) tally.withData += 1;
    else if (tally.withoutData.length < 5) tally.withoutData.push(Object.keys(rest).sort());
    this.seen.answers.set(request.name, tally);
    this.answer(request.name, message.data, 'data' in message);
  }

  /** Requests still unanswered after `timeoutMs` count as refused without a word. */
  expire(now: number, timeoutMs: number): void {
    for (const [reference, request] of this.requests) {
      if (now - request.at < timeoutMs) continue;
      this.requests.delete(reference);
      if (!this.seen.refused.has(request.name)) this.seen.refused.set(request.name, '');
    }
  }

  private answer(name: string, data: unknown, withData: boolean): void {
    if (name === 'auth.getJwtToken') {
      const token = isObject(data) && typeof data.jwtToken === 'string' ? data.jwtToken : undefined;
      this.seen.jwt = {
        answered: withData && token !== undefined,
        expiration: isObject(data) && typeof data.expiration === 'string',
        tokenChars: token?.length ?? 0,
      };
    } else if (name === 'system.amIVisible') {
      this.seen.visible = typeof data === 'boolean' ? 'boolean' : 'other';
    } else if (name === 'interaction.getInteractions' && Array.isArray(data)) {
      for (const interaction of data) this.interaction(interaction);
    }
  }

  private event(name: string, data: unknown): void {
    if (name !== 'interaction' && name !== 'markdone') return;
    const tally = this.seen.events.get(name) ?? { accepted: 0, rejected: [] };
    const interaction = isInteraction(data)
      ? data
      : isObject(data) && isInteraction(data.interaction)
        ? data.interaction
        : null;
    if (interaction) {
      tally.accepted += 1;
      this.interaction(interaction);
    } else if (tally.rejected.length < 5) {
      tally.rejected.push(keysOf(data));
    }
    this.seen.events.set(name, tally);
  }

  private interaction(value: unknown): void {
    if (!isInteraction(value) || !VOICE_FIELDS.some((field) => value[field] !== undefined)) return;
    const id = value.interactionId as string;
    this.seen.voice.seen.add(id);
    if (typeof value.callUuid === 'string' && value.callUuid) {
      this.seen.voice.withCallUuid.add(id);
      this.seen.callUuids.add(value.callUuid);
    }
  }
}

/** The widget's side of GWS: CometD meta replies and messages, and FindPhoneCall over HTTP. */
export class GwsObserver {
  private subscribeSentAt: number | null = null;
  /** FindPhoneCall answers by referenceId: when, and whether the request's callId was a callUuid. */
  private readonly acks = new Map<string, { at: number; byCallUuid: boolean }>();
  private readonly sentCallIds: string[] = [];
  constructor(private readonly seen: Observations) {}

  cometdOut(message: unknown): void {
    if (isObject(message) && message.channel === '/meta/subscribe') this.subscribeSentAt = Date.now();
  }

  cometdIn(channel: string, message: unknown): void {
    if (!isObject(message)) return;
    if (channel === '/meta/handshake') {
      this.seen.handshake = {
        ok: message.successful === true,
        error: typeof message.error === 'string' ? maskDigits(message.error) : undefined,
      };
    } else if (channel === '/meta/connect') {
      if (message.successful === true) this.seen.connected = true;
    } else if (channel === '/meta/subscribe') {
      this.seen.subscribe = {
        ok: message.successful === true,
        ms: this.subscribeSentAt === null ? 0 : Date.now() - this.subscribeSentAt,
      };
    } else if (!channel.startsWith('/meta/')) {
      this.message(channel, message.data);
    }
  }

  ucsOut(body: unknown): void {
    if (isObject(body) && typeof body.callId === 'string') this.sentCallIds.push(body.callId);
  }

  ucsIn(body: unknown): void {
    const callId = this.sentCallIds.shift();
    if (!isObject(body) || body.referenceId === undefined) return;
    const referenceId = String(body.referenceId);
    const ack = { at: Date.now(), byCallUuid: callId !== undefined && this.seen.callUuids.has(callId) };
    this.acks.set(referenceId, ack);
    // The notification often beats the HTTP answer (they race on two connections): 0 ms after it.
    for (const answer of this.seen.ucsAnswers) {
      if (answer.referenceId !== referenceId) continue;
      answer.ms = 0;
      answer.byCallUuid = ack.byCallUuid;
    }
  }

  private message(channel: string, data: unknown): void {
    if (!isObject(data)) return;
    if (data.messageType === 'createInteractionResponse') {
      const referenceId = String(data.referenceId);
      const ack = this.acks.get(referenceId);
      this.seen.ucsAnswers.push({
        referenceId,
        channel,
        ms: ack ? Date.now() - ack.at : null,
        ok: typeof data.interactionId === 'string' && data.interactionId !== '',
        byCallUuid: ack?.byCallUuid ?? false,
      });
      return;
    }
    if (data.messageType !== 'CallStateChangeMessage' || !isObject(data.call)) return;
    const { participants, ani } = data.call;
    const calls = this.seen.calls;
    calls.participants.add(
      !Array.isArray(participants)
        ? 'none'
        : participants.length === 0
          ? 'empty'
          : typeof participants[0] === 'string'
            ? 'strings'
            : 'objects',
    );
    if (typeof ani === 'string' && ani) calls.ani += 1;
    else calls.noAni += 1;
    if (data.phoneNumber !== undefined) calls.phoneNumber += 1;
  }
}
