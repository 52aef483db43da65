// What the simulator can be told to get wrong, for demos and for the fault tests.
import Type from 'typebox';

export const UcsMode = Type.Enum(['ok', 'error', 'never', 'duplicate', 'before-ack', 'unknown-ref']);
export const UniphoreMode = Type.Enum([
  'ok',
  'unauthorized',
  'error500',
  'malformed',
  'empty',
  'not-found-in-200',
  'slow',
  'reset',
]);

export const Faults = Type.Object(
  {
    /**
     * `delayMs` 0 publishes createInteractionResponse the moment the FindPhoneCall answer is written,
     * as a quick GWS does: a client not yet subscribed then misses it, as it would with GWS.
     */
    ucs: Type.Object({ mode: UcsMode, delayMs: Type.Integer({ minimum: 0, maximum: 120_000 }) }),
    /**
     * `subscribeDelayMs` holds every /meta/subscribe that long before it takes effect and is answered;
     * `refuseSubscribes` answers the next N with `successful: false`.
     */
    cometd: Type.Object({
      subscribeDelayMs: Type.Integer({ minimum: 0, maximum: 60_000 }),
      refuseSubscribes: Type.Integer({ minimum: 0, maximum: 1_000 }),
    }),
    uniphore: Type.Object({ mode: UniphoreMode, delayMs: Type.Integer({ minimum: 0, maximum: 120_000 }) }),
    history: Type.Object({ frameable: Type.Boolean() }),
    participantsFormat: Type.Enum(['strings', 'objects']),
    omitAni: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Faults = Type.Static<typeof Faults>;

export const FaultsPatch = Type.Object(
  {
    ucs: Type.Optional(Type.Partial(Faults.properties.ucs)),
    cometd: Type.Optional(Type.Partial(Faults.properties.cometd)),
    uniphore: Type.Optional(Type.Partial(Faults.properties.uniphore)),
    history: Type.Optional(Type.Partial(Faults.properties.history)),
    participantsFormat: Type.Optional(Faults.properties.participantsFormat),
    omitAni: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type FaultsPatch = Type.Static<typeof FaultsPatch>;

export const defaultFaults = (): Faults => ({
  ucs: { mode: 'ok', delayMs: 0 },
  cometd: { subscribeDelayMs: 0, refuseSubscribes: 0 },
  uniphore: { mode: 'ok', delayMs: 0 },
  history: { frameable: true },
  participantsFormat: 'strings',
  omitAni: false,
});

export function mergeFaults(current: Faults, patch: FaultsPatch): Faults {
  return {
    ucs: { ...current.ucs, ...patch.ucs },
    cometd: { ...current.cometd, ...patch.cometd },
    uniphore: { ...current.uniphore, ...patch.uniphore },
    history: { ...current.history, ...patch.history },
    participantsFormat: patch.participantsFormat ?? current.participantsFormat,
    omitAni: patch.omitAni ?? current.omitAni,
  };
}
