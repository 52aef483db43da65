import { describe, expect, it } from 'vitest';
import { MAX_UPSTREAM_BODY_BYTES, networkErrorCode, sanitizeForLog, transfer } from '../http';

describe('transfer', () => {
  it('aborts the upstream request at the deadline', async () => {
    let signal: AbortSignal | undefined;
    const result = await transfer(
      (_url, init) => {
        signal = init.signal ?? undefined;
        return new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        });
      },
      'http://x',
      {},
      50,
    );
    expect(result).toEqual({ ok: false, outcome: { kind: 'timeout' } });
    expect(signal?.aborted).toBe(true);
  });

  it('never follows redirects (they would carry the Application-Key)', async () => {
    let redirect: RequestInit['redirect'];
    await transfer(
      async (_url, init) => {
        redirect = init.redirect;
        return new Response('x');
      },
      'http://x',
      { redirect: 'follow' },
      1000,
    );
    expect(redirect).toBe('manual');
  });

  it('reports network failures by code, never by message', async () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:443'), { code: 'ECONNREFUSED' }),
    });
    const result = await transfer(() => Promise.reject(error), 'http://x', {}, 1000);
    expect(result).toEqual({ ok: false, outcome: { kind: 'unreachable', detail: 'ECONNREFUSED' } });
    expect(networkErrorCode(new Error('boom'))).toBe('Error');
  });

  it('cuts oversized bodies', async () => {
    const big = 'x'.repeat(MAX_UPSTREAM_BODY_BYTES + 10);
    const result = await transfer(async () => new Response(big), 'http://x', {}, 1000);
    expect(result.ok && result.response.truncated).toBe(true);
  });
});

describe('sanitizeForLog', () => {
  it('flattens and shortens', () => {
    expect(sanitizeForLog('a\r\nb')).toBe('a b');
    expect(sanitizeForLog('x'.repeat(300))?.length).toBe(201);
    expect(sanitizeForLog(null)).toBeUndefined();
  });
});
