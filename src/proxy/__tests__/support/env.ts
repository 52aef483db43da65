// Settings for tests: complete and valid, with secrets distinctive enough to search for in any
// response or log line.
import { type Config, loadConfig } from '../../config';

export const TEST_APPLICATION_KEY = 'APPKEY-7f3c9e1b2d4a-SECRET-DO-NOT-LEAK';
export const TEST_PROXY_TOKEN = 'TOKEN-0123456789abcdef0123456789abcdef';
export const TEST_UNIPHORE_HOST = 'uniphore-upstream.invalid';
export const TEST_HISTORY_TEMPLATE = 'https://history.example.test/interact/history/{uniqueId}?view=agent';

export type Env = Record<string, string | undefined>;

export function testEnv(overrides: Env = {}): Env {
  return {
    GWS_URL: 'http://gws.example.test',
    UNIPHORE_URL: `http://${TEST_UNIPHORE_HOST}`,
    UNIPHORE_ACCOUNT_ID: '12345678',
    UNIPHORE_TENANT_ID: 'tenant-1',
    UNIPHORE_APPLICATION_KEY: TEST_APPLICATION_KEY,
    UNIPHORE_ENVIRONMENT_NAME: 'production',
    HISTORY_URL_TEMPLATE: TEST_HISTORY_TEMPLATE,
    PROXY_AUTH: 'token',
    PROXY_TOKEN: TEST_PROXY_TOKEN,
    STATIC_DIR: '/nonexistent-static-dir-for-tests',
    LOG_LEVEL: 'silent',
    // No background requests to an upstream a test did not arrange; keep-warm has tests of its own.
    UNIPHORE_KEEP_WARM_MS: '0',
    ...overrides,
  };
}

export function testConfig(overrides: Env = {}): Config {
  return loadConfig(testEnv(overrides));
}

export const authHeader = { authorization: `Bearer ${TEST_PROXY_TOKEN}` };
