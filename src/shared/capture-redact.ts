// Redaction of what a capture holds, the same in the browser (the diagnostics view's recorder) and
// in Node (the simulator's sample captures): pure, no I/O, WebCrypto only (globalThis.crypto).
//
// One redactor per capture, with a random HMAC-SHA-256 key that cannot be exported and is never
// stored: within a capture the same value always gets the same pseudonym (the same caller in two
// calls stays one caller, the value a pop was found by matches the attached data it came from), and
// nobody, the capture's author included, can map a pseudonym back or recompute it later.
//
// What becomes of each value (by the key it sits under, else by its look):
// - phone numbers (ani, dnis, phoneNumber, participants and their digits/e164Number/formattedPhoneNumber,
//   a pop's caller) and any phone-like string (digits with + ( ) . - / and spaces): every digit
//   replaced by a digit derived from the HMAC of the value's digits, everything else kept, a leading
//   '+' included ('+1 415-555-0100' → '+7 302-918-4476'); a first digit 0 (a trunk prefix) stays 0
//   and any other first digit stays other than 0, so a number keeps its length and its kind. The country code is not kept: its length cannot be told
//   without numbering metadata, and a wrong split would leak digits. Keyed on the digits alone, so
//   '+14155550100' and '14155550100' stay recognisably the same number.
// - attached data (userData, a request's keyValues) values, unique ids, contact/thread ids, names
//   (firstName, userName, employeeId…): phone-like → as above; id-like (8+ characters without spaces,
//   a digit among them: UUIDs, historySearchIds) → the same shape (digits, hex digits, letters of the
//   same case replaced one by one); anything else → `r-` and 10 hex digits. Keys are kept.
// - tokens, cookies, passwords, secrets, keys (jwtToken, Authorization, applicationKey, …) and any
//   string that looks like a JWT → SECRET_MARKER.
// - URLs (historyUrl, uri): origin and path shape kept, a path segment or query value that is
//   phone-like, id-like or a value redacted elsewhere gets its pseudonym; credentials dropped.
// - Other strings: values redacted elsewhere in the capture and phone-like runs inside them are
//   replaced (an error message naming the caller); ISO dates are kept.
// - Kept as they are, for they are not personal data and a replay pairs messages by them: GWS call
//   ids, connIds, UCS and WWE interaction ids, referenceIds, subscription ids, message types, states,
//   channels, numbers and booleans outside attached data.
// No run of 4+ digits of a redacted value survives in its own pseudonym; across the whole of what
// one `redactEntries` call is given, no run of 4 digits of any redacted value appears in any
// pseudonym (5 or 6 digits once a capture holds so many numbers that 4-digit runs cover much of
// 0000–9999, when avoiding them all would be impossible).
import { REDACTION_METHOD, SECRET_MARKER } from './capture-constants';

export interface Redactor {
  /** One message, consistent with everything else this redactor redacted. */
  redact<T>(data: T): Promise<T>;
  /** Many entries' `data` at once: every clear value is known before any pseudonym is chosen. */
  redactEntries<T extends { data: unknown }>(entries: readonly T[]): Promise<T[]>;
}

type Rule = 'secret' | 'kept' | 'phone' | 'value' | 'userData' | 'url' | 'text';

const SECRET_KEY =
  /token|authori[sz]ation|cookie|passw(or)?d|secret|api_?key|applicationkey|csrf|credential|session_?id/i;
const KEY_RULES: Record<string, Rule> = {};
const rules = (rule: Rule, keys: string) => {
  for (const key of keys.split(' ')) KEY_RULES[key.toLowerCase()] = rule;
};
rules(
  'kept',
  'id callId connId callUuid interactionId parentInteractionId caseId referenceId subscriptionId ' +
    'messageType notificationType operationName state previousState callType direction event request ' +
    'userAgent protocolVersion channel outcome attribute errorCode source ucs mute recordingState ' +
    'isCreated statusCode status capabilities expiration startDate receivedAt',
);
rules(
  'phone',
  'ani dnis phoneNumber digits e164Number formattedPhoneNumber participants caller otherDN dn destination',
);
rules(
  'value',
  'value uniqueId contactId parentId threadId subject firstName lastName userName username employeeId ' +
    'name displayName fullName email emailAddress loginName',
);
rules('userData', 'userData keyValues extensions parameters');
rules('url', 'historyUrl uri deviceUri url iconUrl');

const ruleOf = (key: string | undefined): Rule =>
  key === undefined ? 'text' : SECRET_KEY.test(key) ? 'secret' : (KEY_RULES[key.toLowerCase()] ?? 'text');

const PHONE_LIKE = /^\+?[\d\s()./-]*\d[\d\s()./-]*$/;
const ID_LIKE = /^(?=.*\d)[A-Za-z0-9._:-]{8,}$/;
const HEX_ID = /^[A-Fa-f0-9._:-]+$/;
/** A JWS compact serialization: its header is JSON, so base64url of `{"`. */
const JWT = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const JWT_INSIDE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|Bearer\s+\S+/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** A phone-like run inside text: 4+ digits, not part of a longer word (an id, a host name). */
const PHONE_INSIDE = /(?<![\w.])\+?\d[\d\s()./-]{2,}\d(?![\w])/g;
const DIGIT_RUNS = /\d+/g;

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** Runs of `length` digits of a digit string. */
function windows(digits: string, length: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + length <= digits.length; i++) out.push(digits.slice(i, i + length));
  return out;
}

/**
 * The digit runs no pseudonym may contain. Runs of 4 unless so many are known that avoiding them all
 * is hopeless (more than 15 % of the 10^L possible runs), then of 5, then of 6.
 */
class DigitGuard {
  private readonly sources = new Set<string>();
  private cache: { length: number; forbidden: Set<string> } | null = null;

  add(digits: string): void {
    if (digits.length < 4 || this.sources.has(digits)) return;
    this.sources.add(digits);
    this.cache = null;
  }

  private current(): { length: number; forbidden: Set<string> } {
    if (this.cache) return this.cache;
    for (const length of [4, 5, 6]) {
      const forbidden = new Set<string>();
      for (const digits of this.sources) for (const run of windows(digits, length)) forbidden.add(run);
      if (forbidden.size <= 0.15 * 10 ** length || length === 6) {
        this.cache = { length, forbidden };
        break;
      }
    }
    return this.cache!;
  }

  /** Whether `output` (a pseudonym of `input`) carries a forbidden run, or one of its own input. */
  leaks(input: string, output: string): boolean {
    const own = new Set(windows(digitsOf(input), 4));
    const { length, forbidden } = this.current();
    for (const run of output.match(DIGIT_RUNS) ?? []) {
      if (windows(run, 4).some((w) => own.has(w))) return true;
      if (windows(run, length).some((w) => forbidden.has(w))) return true;
    }
    return false;
  }
}

const ENCODER = new TextEncoder();
/** Pseudonyms give up avoiding other values' digit runs after this many draws (never seen in practice). */
const MAX_DRAWS = 200;

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();

/** Draws characters from an alphabet, unbiased (bytes past the largest multiple are skipped). */
class Draw {
  private index = 0;
  constructor(private readonly bytes: Uint8Array) {}
  pick(alphabet: string): string {
    const limit = 256 - (256 % alphabet.length);
    while (this.index < this.bytes.length) {
      const byte = this.bytes[this.index++]!;
      if (byte < limit) return alphabet[byte % alphabet.length]!;
    }
    // Out of bytes (vanishingly rare: there are twice as many as characters): bias is harmless here.
    return alphabet[this.index++ % alphabet.length]!;
  }
}

export async function createRedactor(): Promise<Redactor> {
  const key = await globalThis.crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const guard = new DigitGuard();
  /** Strings kept as they are because they are ids (a pop's value may be a UCS interaction id). */
  const kept = new Set<string>();
  /** Clear strings redacted somewhere: also replaced where they turn up inside text or URLs. */
  const sensitive = new Set<string>();
  const pseudonyms = new Map<string, Promise<string>>();
  /** The clear values (longest first) and phone-like runs, as one pattern; rebuilt when they change. */
  let sensitiveRegex: RegExp | null = null;
  const sensitivePattern = (): RegExp => {
    if (sensitiveRegex) return sensitiveRegex;
    const values = [...sensitive].filter((clear) => clear.length >= 4).sort((a, b) => b.length - a.length);
    const escaped = values.map((clear) => clear.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // One pass for both, so that a pseudonym just put in is never taken for a number again.
    sensitiveRegex = new RegExp([...escaped, PHONE_INSIDE.source].join('|'), 'g');
    return sensitiveRegex;
  };

  const bytes = async (domain: string, input: string, draw: number, count: number) => {
    const blocks = Math.ceil((count * 2 + 16) / 32);
    const out = new Uint8Array(blocks * 32);
    for (let block = 0; block < blocks; block++) {
      const message = ENCODER.encode(`${domain}\u0000${draw}\u0000${block}\u0000${input}`);
      out.set(new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, message)), block * 32);
    }
    return out;
  };

  /** Draws until the pseudonym carries no forbidden digit run. */
  const derive = async (
    domain: string,
    input: string,
    make: (draw: Draw) => string,
    length: number,
  ): Promise<string> => {
    let output = '';
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      output = make(new Draw(await bytes(domain, input, draw, length)));
      if (!guard.leaks(input, output) && output !== input) return output;
    }
    return output;
  };

  // Drawn on the digits alone and then put back into the value's own format, so that every way of
  // writing one number gets the same digits.
  const phone = async (value: string) => {
    const digits = digitsOf(value);
    const drawn = await derive(
      'phone',
      digits,
      (draw) =>
        [...digits]
          .map((digit, index) =>
            index > 0 ? draw.pick('0123456789') : digit === '0' ? '0' : draw.pick('123456789'),
          )
          .join(''),
      digits.length,
    );
    let index = 0;
    return value.replace(/\d/g, () => drawn[index++] ?? '0');
  };

  const shaped = (value: string) => {
    const hex = HEX_ID.test(value);
    return derive(
      'id',
      value,
      (draw) =>
        value.replace(/[A-Za-z0-9]/g, (char) => {
          if (char >= '0' && char <= '9') return draw.pick('0123456789');
          const upper = char >= 'A' && char <= 'Z';
          const letters = hex ? 'abcdef' : LOWER;
          return upper ? draw.pick(hex ? 'ABCDEF' : UPPER) : draw.pick(letters);
        }),
      value.length,
    );
  };

  const opaque = (value: string) =>
    derive(
      'text',
      value,
      (draw) => `r-${Array.from({ length: 10 }, () => draw.pick('0123456789abcdef')).join('')}`,
      10,
    );

  /** The pseudonym of a value, the same for every occurrence; ids seen as such are kept. */
  const pseudonym = (value: string): Promise<string> => {
    if (kept.has(value) || value.trim() === '') return Promise.resolve(value);
    let pending = pseudonyms.get(value);
    if (!pending) {
      pending = PHONE_LIKE.test(value) ? phone(value) : ID_LIKE.test(value) ? shaped(value) : opaque(value);
      pseudonyms.set(value, pending);
    }
    return pending;
  };

  const pseudonymNumber = async (value: number): Promise<number> => {
    const clear = String(Math.abs(value));
    // 1e21, NaN, Infinity: no digits to keep the shape of, and nothing worth a pseudonym.
    if (!/^\d+(\.\d+)?$/.test(clear)) return 0;
    return (value < 0 ? -1 : 1) * Number(await pseudonym(clear));
  };

  const replaceAsync = async (text: string, pattern: RegExp, replace: (match: string) => Promise<string>) => {
    const matches = [...text.matchAll(pattern)];
    let out = '';
    let last = 0;
    for (const match of matches) {
      out += text.slice(last, match.index) + (await replace(match[0]));
      last = (match.index ?? 0) + match[0].length;
    }
    return out + text.slice(last);
  };

  /** Free text: values redacted elsewhere, phone-like runs and JWTs inside it replaced. */
  const text = async (value: string): Promise<string> => {
    if (kept.has(value) || ISO_DATE.test(value)) return value;
    if (JWT.test(value)) return SECRET_MARKER;
    if (sensitive.has(value)) return pseudonym(value);
    return replaceAsync(value.replace(JWT_INSIDE, SECRET_MARKER), sensitivePattern(), async (match) =>
      sensitive.has(match) || digitsOf(match).length >= 4 ? pseudonym(match) : match,
    );
  };

  const url = async (value: string): Promise<string> => {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return text(value);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return text(value);
    parsed.username = '';
    parsed.password = '';
    const segment = async (part: string) => {
      const clear = decodeURIComponent(part);
      const redact = sensitive.has(clear) || PHONE_LIKE.test(clear) || ID_LIKE.test(clear);
      return redact && !kept.has(clear) ? encodeURIComponent(await pseudonym(clear)) : part;
    };
    const path = await Promise.all(parsed.pathname.split('/').map(segment));
    parsed.pathname = path.join('/');
    for (const [name, clear] of [...parsed.searchParams]) {
      if (!kept.has(clear)) parsed.searchParams.set(name, await pseudonym(clear));
    }
    if (parsed.hash) parsed.hash = await text(parsed.hash.slice(1));
    return parsed.href;
  };

  /** The rule a value's key gives, applied at any depth (attached data's values are all values). */
  const walk = async (value: unknown, rule: Rule): Promise<unknown> => {
    if (rule === 'secret') return value === null || value === undefined ? value : SECRET_MARKER;
    if (Array.isArray(value)) return Promise.all(value.map((item) => walk(item, rule)));
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const own = ruleOf(key);
        // Inside attached data every value is a value, whatever its key (secrets still are secrets).
        out[key] = await walk(item, rule === 'userData' && own !== 'secret' ? 'userData' : own);
      }
      return out;
    }
    if (typeof value === 'number')
      return rule === 'phone' || rule === 'userData' ? pseudonymNumber(value) : value;
    if (typeof value !== 'string') return value;
    if (JWT.test(value)) return SECRET_MARKER;
    switch (rule) {
      case 'kept':
        return value;
      case 'phone':
        return pseudonym(value);
      case 'value':
      case 'userData':
        return /^https?:\/\//i.test(value) ? url(value) : pseudonym(value);
      case 'url':
        return url(value);
      default:
        return /^https?:\/\//i.test(value) ? url(value) : text(value);
    }
  };

  /** Before any pseudonym is drawn: which strings are ids, which are clear values, which digits to avoid. */
  const collect = (value: unknown, rule: Rule): void => {
    if (rule === 'secret') return;
    if (Array.isArray(value)) {
      for (const item of value) collect(item, rule);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const own = ruleOf(key);
        collect(item, rule === 'userData' && own !== 'secret' ? 'userData' : own);
      }
    } else if (typeof value === 'string' || typeof value === 'number') {
      const string = String(value);
      if (rule === 'kept' && typeof value === 'string') kept.add(string);
      else if (rule === 'phone' || rule === 'value' || rule === 'userData') {
        if (typeof value === 'string') sensitive.add(string);
        guard.add(digitsOf(string));
      } else if (typeof value === 'string') {
        for (const run of string.match(PHONE_INSIDE) ?? []) guard.add(digitsOf(run));
      }
    }
  };
  // Kept ids win over the same string met as a value: a pop found by the UCS interaction id reports
  // that id as its value, and the replay must look it up as it is.
  const settle = () => {
    for (const id of kept) sensitive.delete(id);
    sensitiveRegex = null;
  };

  return {
    async redact(data) {
      collect(data, 'text');
      settle();
      return (await walk(data, 'text')) as typeof data;
    },
    async redactEntries(entries) {
      for (const entry of entries) collect(entry.data, 'text');
      settle();
      const out = [];
      for (const entry of entries) out.push({ ...entry, data: await walk(entry.data, 'text') });
      return out;
    },
  };
}

/** What a capture says of its redaction (its `redaction.note`). */
export const REDACTION_NOTE =
  'Caller numbers and phone-like values: digits replaced by HMAC-SHA-256-derived digits, format kept; ' +
  'attached-data values, unique ids and names: pseudonyms of the same shape (ids) or r-<hex>; tokens, ' +
  'cookies and secrets: a fixed marker. One random key per capture, never stored: pseudonyms are ' +
  'consistent within this capture only. GWS call ids, UCS and WWE interaction ids are kept.';

/** A whole capture redacted with a redactor of its own (the key dies with it). */
export async function redactCapture<T extends { entries: readonly { data: unknown }[]; redaction: object }>(
  capture: T,
): Promise<T> {
  const redactor = await createRedactor();
  return {
    ...capture,
    redaction: { ...capture.redaction, method: REDACTION_METHOD, note: REDACTION_NOTE },
    entries: await redactor.redactEntries(capture.entries),
  };
}
