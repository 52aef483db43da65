import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { genReqId, hashValue, scrubUrl } from '../logging';

const req = (id?: string) => ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as IncomingMessage;

describe('logging helpers', () => {
  it('honours sane request ids only', () => {
    expect(genReqId(req('abc-123_x.y:z'))).toBe('abc-123_x.y:z');
    for (const bad of ['', 'a b', 'x'.repeat(129), 'a\nb', '<script>']) {
      expect(genReqId(req(bad))).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(genReqId(req())).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hashes lookup values out of logged URLs and drops query strings', () => {
    expect(scrubUrl('/api/uniphore/unique-id/callReturn/%2B12125550100')).toBe(
      `/api/uniphore/unique-id/callReturn/~${hashValue('+12125550100')}`,
    );
    expect(scrubUrl('/?attribute=dtmf&value=4567')).toBe('/?…');
    expect(scrubUrl('/api/v2/me')).toBe('/api/v2/me');
    expect(scrubUrl('/api/uniphore/unique-id/dtmf/%ZZ')).toBe(
      `/api/uniphore/unique-id/dtmf/~${hashValue('%ZZ')}`,
    );
  });
});
