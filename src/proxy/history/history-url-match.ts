// Which URLs are history pages: exactly those HISTORY_URL_TEMPLATE yields for some unique id, encoded
// as the proxy encodes it (lookup/history-url.ts) and normalised as the widget hands it on (the
// WHATWG URL `href`, widget/features/history/history-url.ts). Anything else on the history origin
// (another path, a traversal, an extra query parameter) is not a history page and is never fetched.
import { historyUrl } from '../lookup/history-url';
import { classifyUniqueIdText } from '../uniphore/unique-id-text';

/** Letters and digits only: URL parsing leaves it as it is wherever the template puts it. */
const PLACEHOLDER = 'uhwUniqueIdPlaceholder7c1e';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Characters that a server decoding the path once more would read differently: an encoded slash or
 * backslash as a path separator (`..%2F..%2Fadmin`), a `%` as another escape. The proxy would encode
 * such ids faithfully, but the Uniphore ids seen (UUIDs, hex and hyphens) have none of them, and a
 * refused check only means the widget frames the page without asking first.
 */
const REINTERPRETABLE = /[/\\%]/;

const href = (url: string): string | undefined => {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
};

/**
 * A function returning the unique id that `template` turns into `url`, or undefined when `url` is
 * not such a page. `template` is a valid HISTORY_URL_TEMPLATE (config.ts checked it).
 */
export function historyUrlMatcher(template: string): (url: string) => string | undefined {
  const normalised = href(template.replaceAll('{uniqueId}', PLACEHOLDER)) ?? '';
  // Each occurrence of the id becomes a group; the first one is decoded, and the URL rebuilt from it
  // must be the very same URL, which checks every other occurrence and every other character.
  const pattern = new RegExp(`^${normalised.split(PLACEHOLDER).map(escapeRegExp).join('(.+?)')}$`);

  return (url) => {
    const candidate = href(url);
    const encoded = candidate === undefined ? undefined : pattern.exec(candidate)?.[1];
    if (encoded === undefined) return undefined;
    let uniqueId: string;
    try {
      uniqueId = decodeURIComponent(encoded);
    } catch {
      return undefined;
    }
    const verdict = classifyUniqueIdText(uniqueId, false);
    if (verdict.kind !== 'found' || verdict.uniqueId !== uniqueId || REINTERPRETABLE.test(uniqueId)) {
      return undefined;
    }
    return href(historyUrl(template, uniqueId)) === candidate ? uniqueId : undefined;
  };
}
