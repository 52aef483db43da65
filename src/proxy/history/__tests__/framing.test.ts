import { describe, expect, it } from 'vitest';
import { framingAllowed } from '../framing';

const page = 'https://gointeract.io';
const widget = 'https://widget.example.com';

describe('framingAllowed', () => {
  it.each([
    [{}, true],
    [{ xFrameOptions: 'DENY' }, false],
    [{ xFrameOptions: 'SAMEORIGIN' }, false],
    [{ xFrameOptions: 'ALLOW-FROM https://widget.example.com' }, false],
    [{ csp: "frame-ancestors 'none'" }, false],
    [{ csp: "frame-ancestors 'self'" }, false],
    [{ csp: 'frame-ancestors *' }, true],
    [{ csp: 'frame-ancestors https://widget.example.com' }, true],
    [{ csp: 'frame-ancestors https://*.example.com' }, true],
    [{ csp: 'frame-ancestors widget.example.com' }, true],
    [{ csp: 'frame-ancestors https:' }, true],
    [{ csp: 'frame-ancestors http://widget.example.com' }, false],
    [{ csp: 'frame-ancestors https://widget.example.com:8443' }, false],
    [{ csp: "default-src 'self'; frame-ancestors https://widget.example.com", xFrameOptions: 'DENY' }, true],
    [{ csp: "frame-ancestors https://widget.example.com, frame-ancestors 'none'" }, false],
    [{ csp: "default-src 'self'" }, true],
  ])('%j → %s', (headers, allowed) => expect(framingAllowed(headers, page, widget)).toBe(allowed));

  it('SAMEORIGIN allows the page’s own origin', () => {
    expect(framingAllowed({ xFrameOptions: 'sameorigin' }, page, page)).toBe(true);
  });
});
