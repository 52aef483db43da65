// Neither the Application-Key nor the proxy token may appear in any response or log line, whatever
// happens: every upstream outcome, every rejection, every public route, at the most verbose level.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { TEST_PROXY_TOKEN, testConfig } from './support/env';
import { type ContractScenario, logCapture, uniphoreContractCases } from './support/uniphore-contract';
import { LocalUniphore } from './support/uniphore-upstream';

let uniphore: LocalUniphore;
beforeAll(async () => {
  uniphore = await new LocalUniphore().start();
});
afterAll(async () => uniphore.close());

const scenarios = [...new Set(uniphoreContractCases.map((c) => c.scenario))] as ContractScenario[];

describe.each(['rest', 'soap'] as const)('secrets over %s', (transport) => {
  it('never leak into responses or logs', async () => {
    const logs = logCapture();
    const bodies: string[] = [];
    const secrets = new Set<string>([TEST_PROXY_TOKEN]);
    for (const scenario of scenarios) {
      const arranged = await uniphore.arrange(scenario, transport);
      for (const secret of arranged.secrets) secrets.add(secret);
      const config = testConfig({
        ...arranged.env,
        UNIPHORE_TRANSPORT: transport,
        UNIPHORE_TIMEOUT_MS: '300',
        RATE_LIMIT_PER_MINUTE: '4',
        LOG_LEVEL: 'trace',
      });
      const app = await buildApp(config, { logger: { level: 'trace', stream: logs.stream } });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const auth = { authorization: `Bearer ${TEST_PROXY_TOKEN}` };
      const requests: Array<[string, Record<string, string>]> = [
        ['/api/uniphore/unique-id/dtmf/4567', auth],
        ['/api/uniphore/unique-id/dtmf/%0D%0A', auth],
        ['/api/uniphore/unique-id/nope/1', auth],
        [
          '/api/uniphore/unique-id/dtmf/4567',
          { authorization: 'Bearer wrong-token-wrong-token-wrong-token' },
        ],
        ['/api/uniphore/unique-id/dtmf/4568', auth],
        ['/api/uniphore/unique-id/dtmf/4569', auth],
        ['/api/config', {}],
        ['/readyz', {}],
      ];
      for (const [path, headers] of requests) {
        const response = await fetch(base + path, { headers: { ...headers, cookie: 'JSESSIONID=s' } });
        bodies.push(JSON.stringify([...response.headers]), await response.text());
      }
      // Even if a future change logs headers or the config, redaction and Secret keep them out.
      app.log.info(
        { req: { headers: { authorization: auth.authorization, cookie: 'JSESSIONID=s' } } },
        'probe',
      );
      app.log.info({ config }, 'config');
      await app.close();
    }
    expect(logs.lines.length).toBeGreaterThan(50);
    for (const secret of secrets) {
      for (const body of bodies) expect(body).not.toContain(secret);
      for (const line of logs.lines) expect(line).not.toContain(secret);
    }
    expect(logs.lines.some((l) => l.includes('upstream_unauthorized'))).toBe(true);
    expect(logs.lines.some((l) => l.includes('rate_limited') || l.includes('"statusCode":429'))).toBe(true);
  });
});
