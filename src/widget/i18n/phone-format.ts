// Caller numbers for people (a lazy chunk: libphonenumber-js with its `min` metadata is ~29 kB gzip,
// more than a quarter of the initial load). Display only: lookups always send the number as it came.
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * National format for numbers of the agent's `region` ("(415) 555-0100" in the US, "01 23 45 67 89"
 * in France), international otherwise ("+33 1 23 45 67 89"); anything that is not a valid number
 * (DTMF codes, SIP addresses, internal extensions) as it came.
 */
/** Numbers remembered per formatter: every render of a tab, a heading or a feed row asks again. */
const CACHE_MAX = 1_000;

export function callerNumberFormat(region: string | undefined): (raw: string) => string {
  const home = region && isSupportedCountry(region) ? (region as CountryCode) : undefined;
  const format = (raw: string) => {
    const number = parsePhoneNumberFromString(raw, home);
    if (!number?.isValid()) return raw;
    return home && number.country === home ? number.formatNational() : number.formatInternational();
  };
  // Parsing a number is the costly part (tens of µs, more on a slow CPU): once per number.
  const cache = new Map<string, string>();
  return (raw) => {
    let text = cache.get(raw);
    if (text === undefined) {
      if (cache.size >= CACHE_MAX) cache.clear();
      text = format(raw);
      cache.set(raw, text);
    }
    return text;
  };
}
