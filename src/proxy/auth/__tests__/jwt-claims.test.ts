import { describe, expect, it } from 'vitest';
import { MAX_SUBJECT_LENGTH, parseRoles, principalFromClaims } from '../jwt-claims';

describe('principalFromClaims', () => {
  it('keys the caller by subject and takes the user from the standard claims', () => {
    const result = principalFromClaims(
      {
        sub: 'agent-1',
        preferred_username: 'dana',
        username: 'ignored-when-preferred-is-there',
        given_name: 'Dana',
        family_name: 'Demo',
        roles: ['ROLE_AGENT', 'ROLE_SUPERVISOR'],
      },
      'roles',
    );
    expect(result).toEqual({
      ok: true,
      principal: {
        key: 'jwt:agent-1',
        user: {
          id: 'agent-1',
          userName: 'dana',
          firstName: 'Dana',
          lastName: 'Demo',
          roles: ['ROLE_AGENT', 'ROLE_SUPERVISOR'],
        },
        claimNames: expect.arrayContaining(['sub', 'preferred_username', 'roles']),
      },
    });
  });

  it('falls back to the username claim and leaves unknown names out', () => {
    const result = principalFromClaims({ sub: 's', username: 'dana', given_name: 42 }, 'roles');
    expect(result).toEqual({
      ok: true,
      principal: {
        key: 'jwt:s',
        user: { id: 's', userName: 'dana', roles: [] },
        // The names of the claims, for the diagnostics view; never their values.
        claimNames: ['given_name', 'sub', 'username'],
      },
    });
  });

  it('reads roles from the configured claim, names with dots or slashes included', () => {
    const claims = { sub: 's', 'https://example.com/roles': 'a b', roles: ['x'] };
    const result = principalFromClaims(claims, 'https://example.com/roles');
    expect(result.ok && result.principal.user?.roles).toEqual(['a', 'b']);
  });

  it.each([
    ['missing', {}],
    ['empty', { sub: '' }],
    ['not a string', { sub: 42 }],
    ['too long', { sub: 'x'.repeat(MAX_SUBJECT_LENGTH + 1) }],
  ])('refuses a %s sub', (_name, claims) => {
    expect(principalFromClaims(claims, 'roles')).toEqual({
      ok: false,
      detail: `the sub claim must be a string of 1..${MAX_SUBJECT_LENGTH} characters`,
    });
  });
});

describe('parseRoles', () => {
  it.each([
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    ['a b,c ,, d', ['a', 'b', 'c', 'd']],
    [
      ['a', 1, null, '', 'a', 'b'],
      ['a', 'b'],
    ],
    [undefined, []],
    [{ a: 1 }, []],
    [7, []],
  ])('%j → %j', (value, roles) => {
    expect(parseRoles(value)).toEqual(roles);
  });

  it('keeps at most 100 roles', () => {
    expect(parseRoles(Array.from({ length: 500 }, (_, i) => `r${i}`))).toHaveLength(100);
  });
});
