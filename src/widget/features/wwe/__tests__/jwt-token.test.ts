import { describe, expect, it, vi } from 'vitest';
import { wweTokenProvider } from '../jwt-token';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZ2VudC0xIn0.c2lnbmF0dXJl';

describe('wweTokenProvider', () => {
  it('asks WWE once and keeps the token until shortly before it expires', async () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const request = vi.fn().mockResolvedValue({ jwtToken: TOKEN, expiration: '2026-11-26T10:05:00Z' });
    const provider = wweTokenProvider({ request }, vi.fn(), () => now);
    expect(await Promise.all([provider(false), provider(false)])).toEqual([TOKEN, TOKEN]);
    now += 4 * 60_000;
    await provider(false);
    expect(request).toHaveBeenCalledTimes(1);
    now += 31_000;
    await provider(false);
    expect(request).toHaveBeenCalledTimes(2);
    expect(request).toHaveBeenCalledWith('auth.getJwtToken', [], expect.any(Function));
  });

  it('asks again when the proxy refused the token', async () => {
    const request = vi.fn().mockResolvedValue({ jwtToken: TOKEN, expiration: '2099-01-01T00:00:00Z' });
    const provider = wweTokenProvider({ request }, vi.fn());
    await provider(false);
    await provider(true);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('gives no token, and says why, when WWE refuses (auth.getJwtToken not allowed)', async () => {
    const log = vi.fn();
    const request = vi.fn().mockRejectedValue(new Error('Service not allowed'));
    const provider = wweTokenProvider({ request }, log);
    expect(await provider(false)).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('auth.getJwtToken'), expect.any(Error));
  });
});
