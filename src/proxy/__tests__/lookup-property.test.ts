// Thousands of generated lookups through the real route and the real REST/SOAP clients (over an
// in-memory fetch): every answer is the one its input class calls for, invalid input never
// reaches Uniphore, and no answer ever carries the key or the upstream host.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTRIBUTES } from '../../shared/lookup-api';
import { buildApp } from '../app';
import type { UniphoreTransport } from '../config';
import type { FetchLike } from '../uniphore/client';
import { authHeader, TEST_APPLICATION_KEY, TEST_UNIPHORE_HOST, testConfig } from './support/env';

const SCENARIOS = [
  'found',
  'not_found',
  'unauthorized',
  'server_error',
  'malformed',
  'empty',
  'refused',
] as const;
type Scenario = (typeof SCENARIOS)[number];
const EXPECTED: Record<Scenario, number> = {
  found: 200,
  not_found: 404,
  unauthorized: 502,
  server_error: 502,
  malformed: 502,
  empty: 502,
  refused: 502,
};

function scenarioFor(value: string): Scenario {
  let sum = 0;
  for (const char of value) sum = (sum * 31 + (char.codePointAt(0) ?? 0)) % 1_000_003;
  return SCENARIOS[sum % SCENARIOS.length]!;
}

/** The spec, restated independently of the implementation. */
function isValidValue(value: string): boolean {
  const length = [...value].length;
  if (length < 1 || length > 128 || value === '.' || value === '..') return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the spec forbids exactly these.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\uFFFE\uFFFF]/.test(value)) return false;
  return !/[\uD800-\uDFFF]/u.test(value);
}

const ECHO = `${TEST_APPLICATION_KEY} at http://${TEST_UNIPHORE_HOST}/interact`;
const soapId = (text: string) =>
  `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><a:GetInteractionUniqueIdResponse xmlns:a="http://com/jacada/interact/agent/soap"><a:uniqueId>${text}</a:uniqueId></a:GetInteractionUniqueIdResponse></S:Body></S:Envelope>`;

function fakeUniphore(transport: UniphoreTransport, counter: { calls: number }): FetchLike {
  return async (url, init) => {
    counter.calls++;
    let value: string;
    if (transport === 'rest') {
      value = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    } else {
      const match = /<soap:searchValue>([\s\S]*)<\/soap:searchValue>/.exec(String(init.body));
      value = (match?.[1] ?? '')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&apos;', "'")
        .replaceAll('&amp;', '&');
    }
    const rest = transport === 'rest';
    switch (scenarioFor(value)) {
      case 'found':
        return new Response(rest ? 'id-1234' : soapId('id-1234'));
      case 'not_found':
        return rest
          ? new Response('UUID for attribute x was not found', { status: 404 })
          : new Response(soapId('UUID for history search x was not found'));
      case 'unauthorized':
        return new Response(
          rest
            ? `{"code":"0x7000000","echo":"${ECHO}"}`
            : `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault><faultcode>0x7000000</faultcode><faultstring>${ECHO}</faultstring></S:Fault></S:Body></S:Envelope>`,
          {
            status: rest ? 401 : 500,
            headers: { 'Unauthenticated-Reason': 'bad key' },
          },
        );
      case 'server_error':
        return new Response(`Internal error: ${ECHO}`, { status: 500 });
      case 'malformed':
        return new Response(`<html>${ECHO}</html>`);
      case 'empty':
        return new Response(rest ? '' : soapId(''));
      case 'refused':
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error(`connect ECONNREFUSED ${TEST_UNIPHORE_HOST}:80`), {
            code: 'ECONNREFUSED',
          }),
        });
    }
  };
}

const weird = fc.constantFrom(
  '',
  '.',
  '..',
  '...',
  '%2F',
  '%2E%2E',
  'a/b',
  '../admin',
  '+12121234567',
  '\r\n',
  'a\u0000b',
  'x'.repeat(128),
  'x'.repeat(129),
  '😀'.repeat(128),
  '😀'.repeat(129),
  ' ',
  '\u2028',
  '<x/>&amp;',
);
const chars = fc.constantFrom(
  'a',
  'Z',
  '1',
  '+',
  '/',
  '.',
  '%',
  '?',
  '#',
  ' ',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u2028',
  '\uFFFE',
  'é',
  '😀',
  '<',
  '&',
  '"',
);
const valueArb = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^\+?[0-9]{1,15}$/) },
  { weight: 3, arbitrary: fc.string({ unit: chars, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 140 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 140 }) },
  { weight: 2, arbitrary: weird },
);
const attributeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ATTRIBUTES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('DTMF', 'ani', '__proto__', 'constructor', 'toString', ' dtmf', 'dtmf%00'),
  },
);

function encode(text: string): string | undefined {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined; // lone surrogates cannot be put in a URL at all
  }
}

describe.each(['rest', 'soap'] as const)('lookup property over %s', (transport) => {
  const counter = { calls: 0 };
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(
      testConfig({
        UNIPHORE_TRANSPORT: transport,
        LOOKUP_CACHE_TTL_MS: '0',
        RATE_LIMIT_PER_MINUTE: '1000000',
      }),
      { logger: false, fetch: fakeUniphore(transport, counter) },
    );
  });
  afterAll(async () => app.close());

  it('answers every input as its class requires', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(attributeArb, valueArb, async (attribute, value) => {
        const encodedAttribute = encode(attribute);
        const encodedValue = encode(value);
        fc.pre(encodedAttribute !== undefined && encodedValue !== undefined);
        const before = counter.calls;
        const response = await app.inject({
          method: 'GET',
          url: `/api/uniphore/unique-id/${encodedAttribute}/${encodedValue}`,
          headers: authHeader,
        });
        seen.add(response.statusCode);
        expect(response.body).not.toContain(TEST_APPLICATION_KEY);
        expect(response.body).not.toContain(TEST_UNIPHORE_HOST);
        expect([200, 400, 404, 502, 504]).toContain(response.statusCode);

        const validAttribute = (ATTRIBUTES as readonly string[]).includes(attribute);
        if (attribute === '.' || attribute === '..') {
          // A dot segment is resolved by the URL itself and never reaches the lookup.
          expect([400, 404]).toContain(response.statusCode);
          expect(counter.calls).toBe(before);
        } else if (!validAttribute || !isValidValue(value)) {
          expect(response.statusCode).toBe(400);
          // inject() resolves a ".." value against the path, leaving no attribute behind.
          const code = validAttribute && value !== '..' ? 'invalid_value' : 'invalid_attribute';
          expect(response.json().code).toBe(code);
          expect(counter.calls).toBe(before);
        } else {
          expect(response.statusCode).toBe(EXPECTED[scenarioFor(value)]);
          expect(counter.calls).toBe(before + 1);
          if (response.statusCode === 200)
            expect(response.json()).toMatchObject({ uniqueId: 'id-1234', attribute });
        }
        if (response.statusCode !== 200) {
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      }),
      { numRuns: 2000 },
    );
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400, 404, 502]));
  });
});
