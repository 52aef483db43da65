/** The history URL only if it is an http(s) URL on the configured history origin: nothing else is framed. */
export function trustedHistoryUrl(historyUrl: string, historyOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(historyUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.origin === historyOrigin ? url.href : null;
}
