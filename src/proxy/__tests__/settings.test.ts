import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Settings } from '../settings';
import { readSettings } from '../settings-reader';

/** Names .env.example documents (`NAME=` or `#NAME=`), split at its section for tests and benchmarks. */
function documented(): { proxy: string[]; other: string[] } {
  const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
  const testsAt = text.indexOf('# --- Tests and benchmarks');
  expect(testsAt).toBeGreaterThan(0);
  const names = (part: string) => [...part.matchAll(/^#?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? '');
  return { proxy: names(text.slice(0, testsAt)), other: names(text.slice(testsAt)) };
}

/** Documented in the proxy's part of .env.example, but read by something else. */
const NOT_PROXY_SETTINGS = [
  'NODE_EXTRA_CA_CERTS', // Node's own
  // read by `npm start` for the embedded simulator:
  'SIMULATOR_REQUIRE_LOGIN',
  'SIMULATOR_GWS_RTT_MS',
  'SIMULATOR_UNIPHORE_RTT_MS',
  'SIMULATOR_UNIPHORE_TLS',
];

const declared = Object.keys(Settings.properties);

describe('settings schema', () => {
  it('is documented in .env.example, every setting and nothing else', () => {
    const { proxy, other } = documented();
    expect(declared.filter((name) => !proxy.includes(name))).toEqual([]);
    expect(proxy.filter((name) => !declared.includes(name) && !NOT_PROXY_SETTINGS.includes(name))).toEqual(
      [],
    );
    expect(other.filter((name) => declared.includes(name))).toEqual([]);
  });

  it('describes every setting in one line; none has a default and is also marked optional', () => {
    const required = new Set<string>(Settings.required);
    for (const [name, schema] of Object.entries(Settings.properties)) {
      const { description } = schema as { description?: unknown };
      expect(
        typeof description === 'string' && description.length > 0 && !description.includes('\n'),
        name,
      ).toBe(true);
      if ('default' in schema) expect(required.has(name), `${name} has a default`).toBe(true);
    }
  });

  it('reads integers strictly', () => {
    for (const text of ['1e3', '0x10', '+5', '5.0', ' 1 2']) {
      expect(readSettings({ PORT: text }).issues, text).toContainEqual({
        setting: 'PORT',
        message: 'must be an integer 0..65535',
      });
    }
  });

  it('reads lists separated by commas and white space, without duplicates', () => {
    const { values } = readSettings({
      CORS_ORIGINS: ' https://a.example.com,, https://b.example.com https://a.example.com',
    });
    expect(values.CORS_ORIGINS).toEqual(['https://a.example.com', 'https://b.example.com']);
  });

  it('names every missing required setting', () => {
    const missing = readSettings({})
      .issues.filter((issue) => issue.message === 'required')
      .map((issue) => issue.setting);
    expect(missing).toEqual([
      'GWS_URL',
      'UNIPHORE_URL',
      'UNIPHORE_ACCOUNT_ID',
      'UNIPHORE_TENANT_ID',
      'UNIPHORE_APPLICATION_KEY',
      'UNIPHORE_ENVIRONMENT_NAME',
      'HISTORY_URL_TEMPLATE',
    ]);
  });
});
