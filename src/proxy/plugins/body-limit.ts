// Request bodies the passthrough forwards are bounded: GWS and CometD bodies are small JSON, and
// without a limit anyone, signed in or not, could stream any amount through this process to GWS.
// A declared Content-Length over the limit is refused before a byte of the body is read (and before
// `100 Continue`, see expect-continue.ts); a chunked body is counted as it streams and cut when it
// passes the limit, so GWS never receives a complete request.
import { finished, type Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../problem';

export class BodyTooLarge extends ProblemError {
  constructor(limit: number) {
    // The rest of the body is never read: the connection cannot carry another request.
    super(413, 'payload_too_large', `request bodies here are limited to ${limit} bytes`, {
      connection: 'close',
    });
    this.name = 'BodyTooLarge';
  }
}

/** The BodyTooLarge somewhere in an error's cause chain (the upstream client wraps what the body stream threw). */
export function bodyTooLargeIn(error: unknown): BodyTooLarge | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof BodyTooLarge) return e;
  }
  return undefined;
}

const hasBody = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/** Passes `source` through until more than `limit` bytes went by, then fails with BodyTooLarge. */
export function capped(source: Readable, limit: number): Transform {
  let seen = 0;
  const out = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      // pipe() unpipes on this error and leaves the client's socket alone, so the 413 can still be sent.
      if (seen > limit) done(new BodyTooLarge(limit));
      else done(null, chunk);
    },
  });
  source.pipe(out);
  // pipe() does not forward a client that vanished mid-body: without this the upstream request
  // would wait out its body timeout.
  finished(source, (error) => {
    if (error) out.destroy(error);
  });
  return out;
}

/** Bounds the bodies of every route in `scope`; `limitFor` picks the limit from the request path. */
export function limitRequestBodies(scope: FastifyInstance, limitFor: (url: string) => number): void {
  scope.addHook('onRequest', async (request) => {
    const limit = limitFor(request.url);
    // Node's parser has already refused malformed or repeated Content-Length headers.
    if (Number(request.headers['content-length'] ?? 0) > limit) throw new BodyTooLarge(limit);
  });
  scope.addHook('preParsing', async (request, _reply, payload) =>
    hasBody(request) ? capped(payload, limitFor(request.url)) : payload,
  );
}
