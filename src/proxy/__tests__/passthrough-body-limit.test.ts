// The passthrough's request body limits, over real sockets: GWS must never receive a body over the
// limit, whether its size was declared up front or it grew while streaming.
import { describe, expect, it } from 'vitest';
import { proxyInFrontOfUpstream } from './support/listening-proxy';
import { chunk, LAST_CHUNK, RawClient, requestHead } from './support/raw-client';

const LIMIT = 4096;
const NOTIFICATIONS_LIMIT = 2048;

const proxy = proxyInFrontOfUpstream((origin) => ({
  GWS_URL: origin,
  PASSTHROUGH_BODY_LIMIT_BYTES: String(LIMIT),
  NOTIFICATIONS_BODY_LIMIT_BYTES: String(NOTIFICATIONS_LIMIT),
}));

const url = (path: string) => `http://127.0.0.1:${proxy.port}${path}`;
const postHead = (headers: Record<string, string>) =>
  requestHead('POST', '/api/v2/me', { host: 'proxy.test', 'content-type': 'application/json', ...headers });
const post = (path: string, body: string) =>
  fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body });

function expectTooLarge(raw: string, limit: number) {
  expect(raw).toMatch(/^HTTP\/1\.1 413 /);
  expect(raw).toMatch(/\r\ncontent-type: application\/problem\+json/i);
  expect(raw).toMatch(/\r\nconnection: close\r\n/i);
  const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
  expect(body).toMatchObject({
    status: 413,
    code: 'payload_too_large',
    detail: expect.stringContaining(`${limit}`),
  });
}

describe('passthrough body limits', () => {
  it('forwards bodies up to the limit, declared or chunked', async () => {
    const body = `"${'a'.repeat(LIMIT - 2)}"`;
    const response = await post('/api/v2/me', body);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);

    const client = new RawClient(proxy.port);
    await client.write(postHead({ 'transfer-encoding': 'chunked', connection: 'close' }));
    for (let i = 0; i < 4; i++) await client.write(chunk('b'.repeat(LIMIT / 4)));
    await client.write(LAST_CHUNK);
    // Closed as the client asked: GWS's own `Connection: keep-alive` must not override that.
    expect(await client.closed).toMatch(/^HTTP\/1\.1 200 [\s\S]*\r\nConnection: close\r\n/);
    expect(proxy.upstream.seen.map((s) => s.body.length)).toEqual([LIMIT, LIMIT]);
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const client = new RawClient(proxy.port);
    // Headers only: the answer must come without the client ever sending the 50 MB.
    await client.write(postHead({ 'content-length': String(50 * 1024 * 1024) }));
    expectTooLarge(await client.closed, LIMIT);
    expect(proxy.upstream.started).toBe(0);
  });

  it('answers 413 problem+json through inject as well', async () => {
    const response = await proxy.app.inject({
      method: 'POST',
      url: '/api/v2/ucs/interactions',
      headers: { 'content-type': 'application/json' },
      payload: 'x'.repeat(LIMIT + 1),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', title: 'Request body too large' });
    expect(proxy.upstream.started).toBe(0);
  });

  it('cuts a chunked body that grows past the limit: GWS never sees a complete request', async () => {
    const client = new RawClient(proxy.port);
    await client.write(postHead({ 'transfer-encoding': 'chunked' }));
    // Half the limit first, and wait until it is on its way to GWS: the cut must stop a request
    // that is already streaming proxy.upstream.
    await client.write(chunk('c'.repeat(LIMIT / 2)));
    await expect.poll(() => proxy.upstream.started).toBe(1);
    // Then keep sending until the proxy answers, as a client uploading a large body would.
    for (let sent = 0; sent < 64 * LIMIT && !/\r\n\r\n/.test(client.received) && !client.destroyed; ) {
      await client.write(chunk('c'.repeat(1024)));
      sent += 1024;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expectTooLarge(await client.closed, LIMIT);
    await expect.poll(() => proxy.upstream.incomplete).toBe(1);
    expect(proxy.upstream.seen).toEqual([]);
  });

  it('cuts the upstream request at once when the client vanishes mid-body', async () => {
    const client = new RawClient(proxy.port);
    await client.write(postHead({ 'transfer-encoding': 'chunked' }));
    await client.write(chunk('d'.repeat(LIMIT / 2)));
    await expect.poll(() => proxy.upstream.started).toBe(1);
    client.close();
    // Not after the passthrough's two-minute body timeout.
    await expect.poll(() => proxy.upstream.incomplete, { timeout: 2000 }).toBe(1);
    expect(proxy.upstream.seen).toEqual([]);
  });

  it('gives the CometD path its own limit', async () => {
    const body = `[${'{"channel":"/meta/connect"},'.repeat(100)}{}]`;
    expect(body.length).toBeGreaterThan(NOTIFICATIONS_LIMIT);
    expect(body.length).toBeLessThan(LIMIT);
    const notifications = await post('/api/v2/notifications/connect', body);
    expect(notifications.status).toBe(413);
    expect(await notifications.json()).toMatchObject({ code: 'payload_too_large' });
    expect(proxy.upstream.started).toBe(0);
    expect((await post('/api/v2/me', body)).status).toBe(200);
    expect((await post('/api/v2/notifications/connect', '[{"channel":"/meta/connect"}]')).status).toBe(200);
  });

  it('keeps the connection usable for requests without a body', async () => {
    const response = await fetch(url('/api/v2/me'));
    expect(response.status).toBe(200);
    expect(proxy.upstream.seen[0]?.body.length).toBe(0);
  });
});
