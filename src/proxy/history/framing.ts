// Whether a history page will let the widget frame it, read from the page's own headers
// (X-Frame-Options, CSP frame-ancestors). Browsers give a cross-origin frame no way to tell the
// embedding page it was refused, so the proxy asks the history origin and the widget falls back
// to the link when the answer is "no".

/** Does a CSP source expression (as used in frame-ancestors) match an origin? */
function sourceMatches(source: string, origin: URL, pageOrigin: string): boolean {
  if (source === '*') return origin.protocol === 'http:' || origin.protocol === 'https:';
  if (source === "'self'") return origin.origin === pageOrigin;
  if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return origin.protocol === source.toLowerCase();
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^:/]+)(?::(\d+|\*))?/i.exec(source);
  if (!match) return false;
  const [, scheme, wildcard, host = '', port] = match;
  if (scheme && `${scheme.toLowerCase()}:` !== origin.protocol) return false;
  if (!scheme && origin.protocol !== 'https:' && origin.protocol !== 'http:') return false;
  const hostname = origin.hostname.toLowerCase();
  const wanted = host.toLowerCase();
  if (wildcard ? !hostname.endsWith(`.${wanted}`) : hostname !== wanted) return false;
  if (port === '*') return true;
  const defaultPort = origin.protocol === 'https:' ? '443' : '80';
  return (port ?? defaultPort) === (origin.port || defaultPort);
}

/**
 * `pageOrigin` is the history page's own origin; `embedder` the widget's origin.
 * CSP frame-ancestors wins over X-Frame-Options, as in browsers.
 */
export function framingAllowed(
  headers: { xFrameOptions?: string | null; csp?: string | null },
  pageOrigin: string,
  embedder: string,
): boolean {
  let embedderUrl: URL;
  try {
    embedderUrl = new URL(embedder);
  } catch {
    return false;
  }
  const policies = (headers.csp ?? '')
    .split(',')
    .map((policy) =>
      policy
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .find(([name]) => name?.toLowerCase() === 'frame-ancestors'),
    )
    .filter((directive): directive is string[] => directive !== undefined);
  if (policies.length > 0) {
    // Every policy must allow it (several CSP headers all apply).
    return policies.every(([, ...sources]) => {
      if (sources.length === 0 || sources.includes("'none'")) return false;
      return sources.some((source) => sourceMatches(source, embedderUrl, pageOrigin));
    });
  }
  const xfo = headers.xFrameOptions?.trim().toLowerCase();
  if (!xfo) return true;
  if (xfo === 'sameorigin') return embedderUrl.origin === pageOrigin;
  // DENY, and the obsolete ALLOW-FROM that current browsers ignore-as-deny.
  return false;
}
