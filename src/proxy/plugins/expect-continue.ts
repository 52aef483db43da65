// `Expect: 100-continue` is met by the proxy itself, never passed on (the upstream client refuses the
// header, which used to surface as a misleading 502). Browsers never send it; curl does for request
// bodies over 1 MiB, as do some HTTP libraries. Answering `100 Continue` is what they all expect and
// costs no round trip, where a 417 would cost curl a retry without the header and fail clients
// that do not retry.
//
// Node would answer `100 Continue` the moment the headers arrive, before any check has run. Here it
// is sent once the request has passed every onRequest hook (authentication, rate limit, the
// passthrough's declared-length limit): a request refused there gets its final status instead, and
// the client never uploads a body that would be thrown away.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export function answerExpectContinue(app: FastifyInstance): void {
  const awaiting = new WeakSet<IncomingMessage>();
  // With a `checkContinue` listener Node leaves the interim response to us.
  app.server.on('checkContinue', (req, res) => {
    awaiting.add(req);
    app.server.emit('request', req, res);
  });
  // preParsing runs after every onRequest hook and before anything reads the body.
  app.addHook('preParsing', async (request, reply, payload) => {
    if (awaiting.delete(request.raw) && !reply.raw.headersSent) reply.raw.writeContinue();
    return payload;
  });
}
