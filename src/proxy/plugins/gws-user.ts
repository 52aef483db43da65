// The signed-in user from GWS's `GET /api/v2/me` body. The session check already fetches it, so the
// proxy learns who is calling for free; a body it cannot read costs only the user, never the session.
import type { PrincipalUser } from './principal';

/** Longer names and ids than this are not what GWS sends: dropped, like any other odd field. */
const MAX_TEXT = 256;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value !== '' && value.length <= MAX_TEXT ? value : undefined;
}

/** The `user` of a GWS user resource, or undefined when the body has no usable one (no id). */
export function readGwsUser(body: string): PrincipalUser | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const user = isRecord(parsed) ? parsed.user : undefined;
  if (!isRecord(user)) return undefined;
  const id = text(user.id);
  if (id === undefined) return undefined;
  const roles = Array.isArray(user.roles)
    ? user.roles.filter((role): role is string => typeof role === 'string' && text(role) !== undefined)
    : [];
  const result: PrincipalUser = { id, roles };
  for (const field of ['userName', 'firstName', 'lastName'] as const) {
    const value = text(user[field]);
    if (value !== undefined) result[field] = value;
  }
  return result;
}
