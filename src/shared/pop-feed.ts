// The supervisor's team feed: every agent's pop reports (POST /api/pops), as Server-Sent Events from
// GET /api/pops/stream. The agent is who the proxy authenticated, never what the report says.
import Type from 'typebox';
import { PopReport } from './pop-report';

export * from './pop-feed-constants';

export const FeedAgent = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 256 }),
  userName: Type.Optional(Type.String({ maxLength: 256 })),
  firstName: Type.Optional(Type.String({ maxLength: 256 })),
  lastName: Type.Optional(Type.String({ maxLength: 256 })),
});
export type FeedAgent = Type.Static<typeof FeedAgent>;

/** `event: pop`: one settled pop, with the agent who reported it. */
export const FeedEntry = Type.Object({
  /** The SSE event id: resume with Last-Event-ID. */
  id: Type.String({ minLength: 1, maxLength: 64 }),
  agent: FeedAgent,
  pop: PopReport,
  /** Epoch ms when the proxy received the report. */
  reportedAt: Type.Integer({ minimum: 0 }),
});
export type FeedEntry = Type.Static<typeof FeedEntry>;

/** `event: status`: whether the feed reaches every replica's pops (`live`) or only this one's (`degraded`). */
export const FeedStatus = Type.Object({ state: Type.Enum(['live', 'degraded']) });
export type FeedStatus = Type.Static<typeof FeedStatus>;

/** POST /api/pops answer. */
export const PopAccepted = Type.Object({ id: Type.String() });
