// Caller numbers for people (a lazy chunk: libphonenumber-js with its `min` metadata is ~29 kB gzip,
// more than a quarter of the initial load). Display only: lookups always send the number as it came.
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * National format for numbers of the agent's `region` ("(415) 555-0100" in the US, "01 23 45 67 89"
 * in France), international otherwise ("+33 1 23 45 67 89"); anything that is not a valid number
 * (DTMF codes, SIP addresses, internal extensions) as it came.
 */
export function callerNumberFormat(region: string | undefined): (raw: string) => string {
  const home = region && isSupportedCountry(region) ? (region as CountryCode) : undefined;
  return (raw) => {
    const number = parsePhoneNumberFromString(raw, home);
    if (!number?.isValid()) return raw;
    return home && number.country === home ? number.formatNational() : number.formatInternational();
  };
}
