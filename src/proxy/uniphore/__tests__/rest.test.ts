import { describe, expect, it } from 'vitest';
import { fetchHttp, type RawResponse } from '../http';
import { createRestClient, mapRestResponse, restLookupUrl, uniphoreHeaders } from '../rest';

const endpoint = { url: 'https://gointeract.io', apiVersion: '2', accountId: '12345678' };

function raw(status: number, body = '', headers: Record<string, string> = {}): RawResponse {
  return { status, body, headers: new Headers(headers), truncated: false };
}

describe('restLookupUrl', () => {
  it('builds the documented path', () => {
    expect(restLookupUrl(endpoint, 'dtmf', '4567')).toBe(
      'https://gointeract.io/interact/agent/version/2/account/12345678/uniqueId/dtmf/4567',
    );
  });
  it('encodes + as %2B, as Uniphore requires', () => {
    expect(restLookupUrl(endpoint, 'clickToCall', '+12121234567')).toMatch(
      /\/uniqueId\/clickToCall\/%2B12121234567$/,
    );
  });
  it.each([
    ['a/b', 'a%2Fb'],
    ['../admin', '..%2Fadmin'],
    ['%2F', '%252F'],
    ['a b?c#d', 'a%20b%3Fc%23d'],
  ])('keeps %j one path segment', (value, encoded) => {
    const url = restLookupUrl(endpoint, 'historySearchId', value);
    expect(url.endsWith(`/uniqueId/historySearchId/${encoded}`)).toBe(true);
    expect(new URL(url).pathname.split('/')).toHaveLength(10);
  });
});

describe('uniphoreHeaders', () => {
  it('sends exactly the three documented headers', () => {
    expect(uniphoreHeaders({ tenantId: 't', applicationKey: 'k', environmentName: 'e' })).toEqual({
      'Tenant-Id': 't',
      'Application-Key': 'k',
      'Environment-Name': 'e',
    });
  });
});

describe('mapRestResponse', () => {
  it('reads the bare id from a 200', () => {
    expect(mapRestResponse(raw(200, ' 4df73e86-b7df-45da-b823-ed1f980d430b\n'))).toEqual({
      kind: 'found',
      uniqueId: '4df73e86-b7df-45da-b823-ed1f980d430b',
      upstreamStatus: 200,
    });
  });
  it('accepts a JSON-quoted id', () => {
    expect(mapRestResponse(raw(200, '"abc-123"'))).toMatchObject({ kind: 'found', uniqueId: 'abc-123' });
  });
  it('maps 404 to not found', () => {
    expect(mapRestResponse(raw(404, 'UUID for attribute dtmf was not found'))).toEqual({
      kind: 'not_found',
      upstreamStatus: 404,
    });
  });
  it('flags a 404 whose body is not the documented sentence', () => {
    expect(mapRestResponse(raw(404, '<html>nginx</html>'))).toMatchObject({
      kind: 'not_found',
      note: expect.any(String),
    });
  });
  it('never returns the not-found sentence as an id', () => {
    expect(mapRestResponse(raw(200, 'UUID for attribute callReturn was not found'))).toMatchObject({
      kind: 'not_found',
    });
  });
  it('maps 401 to unauthorized with the reason header and the JSON code', () => {
    const outcome = mapRestResponse(
      raw(401, '{"code":"0x7000000","message":"Request is unauthorized"}', {
        'Unauthenticated-Reason': 'Invalid application key\tX: y',
      }),
    );
    expect(outcome).toEqual({
      kind: 'unauthorized',
      upstreamStatus: 401,
      reason: 'Invalid application key X: y',
      faultCode: '0x7000000',
    });
  });
  it('tolerates the seed 401 body, trailing comma and all', () => {
    expect(mapRestResponse(raw(401, '{"code":"0x7000000",}'))).toMatchObject({ kind: 'unauthorized' });
  });
  it.each([
    ['empty', ''],
    ['blank', '  \n '],
    ['multi-line', 'abc\ndef'],
    ['HTML', '<!DOCTYPE html><html></html>'],
    ['JSON object', '{"uniqueId":"x"}'],
    ['whitespace inside', 'abc def'],
    ['too long', 'x'.repeat(257)],
  ])('rejects a %s 200 body as a bad response', (_name, body) => {
    expect(mapRestResponse(raw(200, body))).toMatchObject({ kind: 'bad_response', upstreamStatus: 200 });
  });
  it('rejects a truncated body', () => {
    expect(mapRestResponse({ ...raw(200, 'abc'), truncated: true })).toMatchObject({ kind: 'bad_response' });
  });
  it.each([204, 202])('rejects %i without an id', (status) => {
    expect(mapRestResponse(raw(status))).toMatchObject({ kind: 'bad_response' });
  });
  it.each([301, 302, 400, 403, 405, 429, 500, 502, 503])('maps %i to an upstream error', (status) => {
    expect(mapRestResponse(raw(status, 'x'))).toMatchObject({
      kind: 'upstream_error',
      upstreamStatus: status,
    });
  });
});

describe('createRestClient', () => {
  const options = {
    ...endpoint,
    tenantId: 't',
    applicationKey: 'KEY-123',
    environmentName: 'e',
    timeoutMs: 1000,
  };

  it('sends the documented request', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const client = createRestClient({
      ...options,
      http: fetchHttp(async (url, init) => {
        seen = { url, init };
        return new Response('abc');
      }),
    });
    expect(await client.lookup('clickToCall', '+1')).toMatchObject({ kind: 'found', uniqueId: 'abc' });
    expect(seen?.url).toBe(
      'https://gointeract.io/interact/agent/version/2/account/12345678/uniqueId/clickToCall/%2B1',
    );
    expect(seen?.init).toMatchObject({
      method: 'GET',
      redirect: 'manual',
      headers: { 'Tenant-Id': 't', 'Application-Key': 'KEY-123', 'Environment-Name': 'e' },
    });
  });

  it('cuts the key out of anything upstream echoes back', async () => {
    const client = createRestClient({
      ...options,
      http: fetchHttp(
        async () =>
          new Response('{"code":"KEY-123"}', {
            status: 401,
            headers: { 'Unauthenticated-Reason': 'unknown key KEY-123' },
          }),
      ),
    });
    const outcome = await client.lookup('dtmf', '1');
    expect(JSON.stringify(outcome)).not.toContain('KEY-123');
    expect(outcome).toMatchObject({ kind: 'unauthorized', reason: 'unknown key [redacted]' });
  });
});
