// Opens a connection to the history site ahead of need: when the widget starts and again as each
// call arrives, while FindPhoneCall and the lookups run, the browser's TCP and TLS handshakes with the
// history site happen too, so the history page itself costs one round trip when its URL is known.
// Idle connections are closed by the browser after a while; a fresh hint per call re-opens one.

let hint: HTMLLinkElement | null = null;

export function preconnectHistory(origin: string, doc: Document = document): void {
  if (!/^https?:\/\//.test(origin)) return;
  // The same <link> left in place hints nothing more: a new element asks again.
  hint?.remove();
  hint = doc.createElement('link');
  hint.rel = 'preconnect';
  hint.href = origin;
  doc.head.append(hint);
}
