// RFC 9457 problem details: one shape and one stable code per failure, so the widget and
// operators can branch on `code` and never on prose.
import type { FastifyReply } from 'fastify';
import { PROBLEM_TYPE_BASE, type Problem, type ProblemCode } from '../shared/lookup-api';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Record<ProblemCode, string> = {
  invalid_attribute: 'Invalid caller attribute',
  invalid_value: 'Invalid request',
  not_found: 'Not found',
  unauthenticated: 'Authentication required',
  rate_limited: 'Too many requests',
  payload_too_large: 'Request body too large',
  invalid_report: 'Invalid pop report',
  forbidden: 'Not allowed',
  upstream_unauthorized: 'Uniphore rejected the proxy credentials',
  upstream_error: 'Upstream error',
  upstream_bad_response: 'Unexpected upstream response',
  upstream_unreachable: 'Upstream unreachable',
  upstream_timeout: 'Upstream timeout',
  internal_error: 'Internal error',
};

export function problem(status: number, code: ProblemCode, detail?: string): Problem {
  const body: Problem = { type: `${PROBLEM_TYPE_BASE}${code}`, title: TITLES[code], status, code };
  if (detail !== undefined) body.detail = detail;
  return body;
}

/** Thrown anywhere (hooks, plugins) and rendered by the app's error handler. */
export class ProblemError extends Error {
  readonly statusCode: number;
  readonly code: ProblemCode;
  readonly detail: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ProblemCode, detail?: string, headers: Record<string, string> = {}) {
    super(detail ?? TITLES[code]);
    this.name = 'ProblemError';
    this.statusCode = status;
    this.code = code;
    this.detail = detail;
    this.headers = headers;
  }

  toProblem(): Problem {
    return problem(this.statusCode, this.code, this.detail);
  }
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}
