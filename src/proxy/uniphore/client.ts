// One interface for both Uniphore transports. Clients never throw: every way a lookup can end,
// including network failures and timeouts, is an outcome the route maps to one HTTP answer.
import type { Attribute } from '../../shared/lookup-api';
import type { UniphoreTransport } from '../config';
import type { UpstreamHttp } from './http';

export type LookupOutcome =
  | { kind: 'found'; uniqueId: string; upstreamStatus: number }
  /** `note` flags an answer that is a miss but looks unusual (worth a log line). */
  | { kind: 'not_found'; upstreamStatus: number; note?: string }
  /** Uniphore refused our credentials: a configuration problem, never the caller's. */
  | {
      kind: 'unauthorized';
      upstreamStatus: number;
      reason: string | undefined;
      faultCode: string | undefined;
    }
  | { kind: 'upstream_error'; upstreamStatus: number; detail: string }
  | { kind: 'bad_response'; upstreamStatus: number; detail: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'timeout' };

export type OutcomeKind = LookupOutcome['kind'];

export interface UniphoreClient {
  readonly transport: UniphoreTransport;
  lookup(attribute: Attribute, value: string): Promise<LookupOutcome>;
}

/** The subset of `fetch` the clients use; tests substitute an in-memory one. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface UniphoreClientOptions {
  url: string;
  accountId: string;
  apiVersion: string;
  tenantId: string;
  applicationKey: string;
  environmentName: string;
  timeoutMs: number;
  /** How requests reach Uniphore: the kept-alive pool in production, a fake `fetch` in tests. */
  http: UpstreamHttp;
}
