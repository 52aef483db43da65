// Headers a proxy must not pass on (RFC 9110 §7.6.1): hop-by-hop fields describe one connection, not
// the message, and the X-Forwarded-* / Forwarded fields a client sends are claims about hops it cannot
// vouch for. GWS gets the forwarding facts as this proxy saw them instead (behind TRUST_PROXY_HOPS
// load balancers, as Fastify derived them from theirs).

type Headers = Record<string, string | string[] | undefined>;

/** Hop-by-hop in every message, whether or not Connection lists them. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Set by the client about earlier hops, or an expectation this proxy answered itself (see expect-continue.ts). */
const CLIENT_CLAIMS = new Set(['forwarded', 'x-real-ip', 'expect']);

function connectionListed(headers: Headers): Set<string> {
  const listed = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'connection' || value === undefined) continue;
    for (const line of Array.isArray(value) ? value : [value]) {
      for (const token of line.split(',')) if (token.trim()) listed.add(token.trim().toLowerCase());
    }
  }
  return listed;
}

/** `headers` without hop-by-hop fields, including the ones its Connection header names. */
export function withoutHopByHop(headers: Headers): Headers {
  const listed = connectionListed(headers);
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!HOP_BY_HOP.has(lower) && !listed.has(lower)) out[name] = value;
  }
  return out;
}

export interface SeenByProxy {
  /** Fastify's request.ips (closest first: the peer, then each trusted hop), or [request.ip]. */
  readonly ips: readonly string[];
  readonly protocol: string;
  readonly host: string;
}

/** The request headers for the upstream: the client's end-to-end headers plus our forwarding facts. */
export function upstreamRequestHeaders(headers: Headers, seen: SeenByProxy): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(withoutHopByHop(headers))) {
    const lower = name.toLowerCase();
    if (!CLIENT_CLAIMS.has(lower) && !lower.startsWith('x-forwarded-')) out[name] = value;
  }
  // X-Forwarded-For lists the client first and the nearest hop last.
  out['x-forwarded-for'] = [...seen.ips].reverse().join(', ');
  out['x-forwarded-proto'] = seen.protocol;
  // An HTTP/1.0 request may come without a Host: then there is no host to report.
  if (seen.host) out['x-forwarded-host'] = seen.host;
  return out;
}
