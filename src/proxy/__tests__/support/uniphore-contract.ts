// The Uniphore contract as a table: each upstream situation and what a caller of the proxy sees.
// The table is upstream-agnostic: a driver arranges the situation (this suite's node:http
// Uniphore, or the embedded simulator through its control API) and the runner checks the proxy
// over real sockets, for REST and SOAP alike.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attribute } from '../../../shared/lookup-api';
import { buildApp } from '../../app';
import type { UniphoreTransport } from '../../config';
import { type Env, testConfig } from './env';

export type ContractScenario =
  | 'found'
  | 'not_found'
  | 'not_found_in_200'
  | 'unauthorized'
  | 'server_error'
  | 'malformed'
  | 'empty_id'
  | 'slow'
  | 'refused'
  | 'reset';

export interface ArrangedUpstream {
  /** Uniphore settings (UNIPHORE_URL, credentials...) that point the proxy at the arranged upstream. */
  env: Env;
  /** The id a `found` lookup must return, when the driver knows it. */
  uniqueId?: string;
  /** Strings that must never reach a response or a log line (keys in use). */
  secrets: string[];
}

export interface UniphoreUpstreamDriver {
  readonly name: string;
  arrange(scenario: ContractScenario, transport: UniphoreTransport): Promise<ArrangedUpstream>;
  /** Upstream requests received since arrange(), when the driver can count them. */
  requests?(): number;
  /** Upstream requests abandoned by the proxy since arrange() (timeouts must abort). */
  aborted?(): number;
  /** Requests a strict server would have refused; must stay empty. */
  protocolErrors?(): readonly string[];
  close(): Promise<void>;
}

export interface UniphoreContractCase {
  name: string;
  scenario: ContractScenario;
  attribute: Attribute;
  value: string;
  expect: { status: number; code: string };
  /** Upstream requests the proxy must make (undefined: not checked). */
  upstreamRequests?: number;
}

export const uniphoreContractCases: readonly UniphoreContractCase[] = [
  {
    name: 'found (+ encoded as %2B)',
    scenario: 'found',
    attribute: 'clickToCall',
    value: '+12121234567',
    expect: { status: 200, code: 'found' },
    upstreamRequests: 1,
  },
  {
    name: 'found (/, .. and %2F stay one path segment)',
    scenario: 'found',
    attribute: 'historySearchId',
    value: 'a/../b%2Fc',
    expect: { status: 200, code: 'found' },
    upstreamRequests: 1,
  },
  {
    name: 'not found (REST 404 text / SOAP quirk)',
    scenario: 'not_found',
    attribute: 'dtmf',
    value: '4567',
    expect: { status: 404, code: 'not_found' },
    upstreamRequests: 1,
  },
  {
    name: 'not found sentence in a 200 body',
    scenario: 'not_found_in_200',
    attribute: 'historySearchId',
    value: '0523331010',
    expect: { status: 404, code: 'not_found' },
    upstreamRequests: 1,
  },
  {
    name: 'credentials refused (401 + Unauthenticated-Reason / fault 0x7000000)',
    scenario: 'unauthorized',
    attribute: 'callReturn',
    value: '2121234567',
    expect: { status: 502, code: 'upstream_unauthorized' },
    upstreamRequests: 1,
  },
  {
    name: 'server error (500)',
    scenario: 'server_error',
    attribute: 'dtmf',
    value: '1111',
    expect: { status: 502, code: 'upstream_error' },
    upstreamRequests: 1,
  },
  {
    name: 'malformed body',
    scenario: 'malformed',
    attribute: 'dtmf',
    value: '2222',
    expect: { status: 502, code: 'upstream_bad_response' },
    upstreamRequests: 1,
  },
  {
    name: 'empty id',
    scenario: 'empty_id',
    attribute: 'dtmf',
    value: '3333',
    expect: { status: 502, code: 'upstream_bad_response' },
    upstreamRequests: 1,
  },
  {
    name: 'slow upstream (timeout, request aborted)',
    scenario: 'slow',
    attribute: 'dtmf',
    value: '4444',
    expect: { status: 504, code: 'upstream_timeout' },
    upstreamRequests: 1,
  },
  {
    name: 'connection refused',
    scenario: 'refused',
    attribute: 'dtmf',
    value: '5555',
    expect: { status: 502, code: 'upstream_unreachable' },
    upstreamRequests: 0,
  },
  {
    name: 'socket reset',
    scenario: 'reset',
    attribute: 'dtmf',
    value: '6666',
    expect: { status: 502, code: 'upstream_unreachable' },
    upstreamRequests: 1,
  },
];

/** Collects every log line the proxy writes. */
export function logCapture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  return { stream, lines };
}

export interface ContractRunOptions {
  transports?: readonly UniphoreTransport[];
  /** Must be shorter than the driver's `slow` delay. */
  timeoutMs?: number;
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return check();
}

export function runUniphoreContract(
  makeDriver: () => Promise<UniphoreUpstreamDriver>,
  options: ContractRunOptions = {},
) {
  const transports = options.transports ?? ['rest', 'soap'];
  let driver: UniphoreUpstreamDriver;
  beforeAll(async () => {
    driver = await makeDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  describe.each(transports)('Uniphore contract over %s', (transport) => {
    it.each(uniphoreContractCases)('$name → $expect.status $expect.code', async (testCase) => {
      const arranged = await driver.arrange(testCase.scenario, transport);
      const logs = logCapture();
      const config = testConfig({
        ...arranged.env,
        UNIPHORE_TRANSPORT: transport,
        UNIPHORE_TIMEOUT_MS: String(options.timeoutMs ?? 400),
        PROXY_AUTH: 'none',
        PROXY_ALLOW_UNAUTHENTICATED: 'true',
        LOOKUP_CACHE_TTL_MS: '0',
        LOG_LEVEL: 'trace',
      });
      const app = await buildApp(config, { logger: { level: 'trace', stream: logs.stream } });
      try {
        await app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = app.server.address() as AddressInfo;
        const path = `/api/uniphore/unique-id/${testCase.attribute}/${encodeURIComponent(testCase.value)}`;
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        const text = await response.text();
        const body = JSON.parse(text) as Record<string, unknown>;

        expect(response.status).toBe(testCase.expect.status);
        expect(response.headers.get('cache-control')).toBe('no-store');
        if (testCase.expect.code === 'found') {
          expect(response.headers.get('content-type')).toMatch(/^application\/json/);
          if (arranged.uniqueId !== undefined) expect(body.uniqueId).toBe(arranged.uniqueId);
          expect(body.attribute).toBe(testCase.attribute);
          expect(body.historyUrl).toBe(
            config.history.urlTemplate.replaceAll('{uniqueId}', encodeURIComponent(String(body.uniqueId))),
          );
        } else {
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect(body).toMatchObject({ status: testCase.expect.status, code: testCase.expect.code });
          expect(body.type).toMatch(/^urn:uniphore-history-widget:problem:/);
        }

        const upstreamHost = new URL(arranged.env.UNIPHORE_URL ?? config.uniphore.url).host;
        for (const secret of arranged.secrets) {
          expect(text).not.toContain(secret);
          for (const line of logs.lines) expect(line).not.toContain(secret);
        }
        // History pages may live on the Uniphore host itself (they do on gointeract.io): the link the
        // widget must open is the one place that host may appear.
        const { historyUrl: _historyUrl, ...rest } = body;
        expect(JSON.stringify(rest)).not.toContain(upstreamHost);

        if (testCase.upstreamRequests !== undefined && driver.requests) {
          expect(driver.requests()).toBe(testCase.upstreamRequests);
        }
        if (testCase.scenario === 'slow' && driver.aborted) {
          expect(await waitFor(() => (driver.aborted?.() ?? 0) >= 1, 2000)).toBe(true);
        }
        if (testCase.scenario === 'unauthorized') {
          const line = logs.lines.find((l) => l.includes('upstream_unauthorized'));
          expect(line).toBeDefined();
          if (transport === 'rest') expect(line).toContain('unauthenticatedReason');
        }
        if (driver.protocolErrors) expect(driver.protocolErrors()).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
