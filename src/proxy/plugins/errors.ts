// Every error leaves as problem+json with a stable code. 5xx details are generic: internal error
// messages can name hosts, files or settings and are for the log only.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemCode } from '../../shared/lookup-api';
import { ProblemError, problem, sendProblem } from '../problem';
import { fallbackFor, type StaticSite, sendMissingFile } from './static-site';

function codeForStatus(status: number): ProblemCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal_error';
  // No dedicated code exists for other client errors (415, 405...): the request was not acceptable.
  return 'invalid_value';
}

export function renderError(
  error: FastifyError | ProblemError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof ProblemError) {
    if (error.statusCode >= 500) request.log.warn({ code: error.code, detail: error.detail }, error.message);
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    return sendProblem(reply, error.toProblem());
  }
  if (error.validation) {
    return sendProblem(
      reply,
      problem(400, 'invalid_value', 'the request does not match the expected format'),
    );
  }
  const status =
    typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
      ? error.statusCode
      : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem(status, 'internal_error', 'the proxy failed to handle the request'));
  }
  request.log.info({ code: error.code, status }, error.message);
  return sendProblem(reply, problem(status, codeForStatus(status), error.message));
}

export function installErrorHandling(app: FastifyInstance, site: () => StaticSite | undefined): void {
  app.setErrorHandler(renderError);
  app.setNotFoundHandler(async (request, reply) => {
    const staticSite = site();
    const fallback = fallbackFor(request.method, request.url);
    if (fallback === 'index' && staticSite) return staticSite.sendIndex(request, reply);
    if (fallback === 'missing-file') return sendMissingFile(reply);
    return sendProblem(reply, problem(404, 'not_found', 'no such route'));
  });
}
