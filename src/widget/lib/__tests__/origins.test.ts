import { describe, expect, it } from 'vitest';
import { exactOrigins, originAllowed, parseOriginRules } from '../origins';

const self = 'http://127.0.0.1:8080';

describe('origin rules', () => {
  const rules = parseOriginRules(
    ["'self'", 'https://desktop.example.com', 'https://*.agents.example.com:8443', "'none'"],
    self,
  );

  it.each([
    [self, true],
    ['https://desktop.example.com', true],
    ['https://eu.agents.example.com:8443', true],
    ['https://agents.example.com:8443', false],
    ['https://eu.agents.example.com', false],
    ['http://desktop.example.com', false],
    ['https://desktop.example.com.evil.test', false],
    ['null', false],
    ['https://desktop.example.com/path', false],
  ])('%s allowed: %s', (origin, allowed) => expect(originAllowed(origin, rules)).toBe(allowed));

  it('posts before the host speaks only to exact origins', () => {
    expect(exactOrigins(rules)).toEqual([self, 'https://desktop.example.com']);
  });
});
