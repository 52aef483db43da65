import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { WidgetConfig } from '../../shared/widget-config';
import { buildApp } from '../app';
import { TEST_APPLICATION_KEY, TEST_PROXY_TOKEN, TEST_UNIPHORE_HOST, testConfig } from './support/env';

describe('GET /api/config', () => {
  it('serves the widget settings and nothing secret', async () => {
    const app = await buildApp(
      testConfig({
        SIMULATOR_CONTROL_URL: 'http://127.0.0.1:41234/sim',
        UCS_CONTACT_ID_KEY: 'ContactId',
        UCS_TIMEOUT_MS: '12000',
        LOOKUP_ORDER: 'dtmf=userData.DTMF',
        FRAME_ANCESTORS: "'self' https://desktop.example.com",
        GWS_URL: 'http://gws-internal.example.test:8090/gws',
        WWE_WRITE_BACK_KEY: 'UniphoreUniqueId',
        WWE_TOAST: 'true',
        CALLER_NUMBER_REGION: 'FR',
      }),
      { logger: false },
    );
    const response = await app.inject({ url: '/api/config' });
    await app.close();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Value.Check(WidgetConfig, body)).toBe(true);
    expect(body).toEqual({
      lookupOrder: [{ attribute: 'dtmf', source: 'userData.DTMF' }],
      historyOrigin: 'https://history.example.test',
      notificationsPath: '/api/v2/notifications',
      ucsTimeoutMs: 12000,
      simulator: true,
      frameAncestors: ["'self'", 'https://desktop.example.com'],
      ucsFields: { contactId: 'ContactId' },
      auth: 'token',
      wwe: { writeBackKey: 'UniphoreUniqueId', toast: true },
      callerNumberRegion: 'FR',
      feedBacklogMaxAgeMs: 3_600_000,
      historyWarmup: { mode: 'idle', url: 'https://history.example.test/favicon.ico', intervalMs: 30_000 },
    });
    for (const secret of [
      TEST_APPLICATION_KEY,
      TEST_PROXY_TOKEN,
      TEST_UNIPHORE_HOST,
      'gws-internal',
      'tenant-1',
    ]) {
      expect(response.body).not.toContain(secret);
    }
  });

  it('reports simulator=false without SIMULATOR_CONTROL_URL', async () => {
    const app = await buildApp(testConfig(), { logger: false });
    const response = await app.inject({ url: '/api/config' });
    await app.close();
    expect(response.json().simulator).toBe(false);
  });
});
