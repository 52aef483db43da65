// Where a row of the team feed leads: a pop that found a history opens the search for the attribute
// and value that found it (the proxy builds the page address from HISTORY_URL_TEMPLATE, so only the
// configured history site is ever shown); any other pop with a caller number looks that caller up
// again (the supervisor's "is there history now?").
import type { Attribute } from '../../../../shared/lookup-constants';
import type { FeedEntry } from '../../../../shared/pop-feed';

export interface FeedLink {
  attribute: Attribute;
  value: string;
  /** `history`: the pop found one; `lookup`: a new search for the caller. */
  kind: 'history' | 'lookup';
  href: string;
}

const href = (attribute: Attribute, value: string) =>
  `?${new URLSearchParams({ mode: 'supervisor', attribute, value })}`;

export function historyLink(entry: FeedEntry): Omit<FeedLink, 'kind'> | null {
  const { attribute, value, outcome } = entry.pop;
  if (outcome !== 'found' || !attribute || !value) return null;
  return { attribute, value, href: href(attribute, value) };
}

export function feedLink(entry: FeedEntry): FeedLink | null {
  const found = historyLink(entry);
  if (found) return { ...found, kind: 'history' };
  const { caller } = entry.pop;
  return caller
    ? { attribute: 'callReturn', value: caller, kind: 'lookup', href: href('callReturn', caller) }
    : null;
}
