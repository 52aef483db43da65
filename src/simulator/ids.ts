import { randomBytes, randomUUID } from 'node:crypto';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UCS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function pick(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** Like GWS call ids: 32 upper-case alphanumerics (013V08JRL498H1OI04000VTAES00000G). */
export const newCallId = () => pick(ALNUM, 32);
/** Like GWS connIds: 16 hex digits. */
export const newConnId = () => randomBytes(8).toString('hex');
/** Like UCS interaction ids: 16 characters, e.g. 0000DaA3G4VF000Q. */
export const newInteractionId = () => `0000${pick(UCS, 12)}`;
export const newSessionId = () => randomBytes(16).toString('hex').toUpperCase();
export const newToken = () => randomUUID();
export const newUniqueId = () => randomUUID();
