// Verified JWT claims → the caller as the rest of the proxy knows it. Pure: the signature, issuer,
// audience and times were checked before these claims arrive here.
import type { Principal } from '../plugins/principal';

/** Longer subjects are refused rather than kept as rate-limit keys of any size. */
export const MAX_SUBJECT_LENGTH = 256;
const MAX_ROLES = 100;

export type ClaimsResult = { ok: true; principal: Principal } | { ok: false; detail: string };

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Roles as an array of strings, or one string separated by spaces or commas (OAuth `scope` style). */
export function parseRoles(value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  const roles = items.filter((item): item is string => typeof item === 'string' && item !== '');
  return [...new Set(roles)].slice(0, MAX_ROLES);
}

export function principalFromClaims(claims: Record<string, unknown>, rolesClaim: string): ClaimsResult {
  const sub = text(claims.sub);
  if (sub === undefined || sub.length > MAX_SUBJECT_LENGTH) {
    return { ok: false, detail: `the sub claim must be a string of 1..${MAX_SUBJECT_LENGTH} characters` };
  }
  const user: NonNullable<Principal['user']> = { id: sub, roles: parseRoles(claims[rolesClaim]) };
  const userName = text(claims.preferred_username) ?? text(claims.username);
  const firstName = text(claims.given_name);
  const lastName = text(claims.family_name);
  if (userName !== undefined) user.userName = userName;
  if (firstName !== undefined) user.firstName = firstName;
  if (lastName !== undefined) user.lastName = lastName;
  // Rate limits are per subject: one user's tabs share a budget, other users sharing an address do not.
  const claimNames = Object.keys(claims)
    .filter((name) => /^[\x21-\x7e]{1,64}$/.test(name))
    .sort()
    .slice(0, 64);
  return { ok: true, principal: { key: `jwt:${sub}`, user, claimNames } };
}
