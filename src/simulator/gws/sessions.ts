// GWS sessions as documented: Basic credentials (or, for the demo, none) create a session whose
// JSESSIONID cookie every later request carries; each session has its CSRF token, which every
// POST/PUT/DELETE must send in the header named by X-CSRF-HEADER.
import { timingSafeEqual } from 'node:crypto';
import { newSessionId, newToken } from '../ids';

export const SESSION_COOKIE = 'JSESSIONID';
export const CSRF_HEADER_NAME = 'X-CSRF-TOKEN';

export interface DemoAgent {
  username: string;
  password: string;
  userId: string;
  firstName: string;
  lastName: string;
}

export interface GwsSession {
  id: string;
  csrfToken: string;
  agent: DemoAgent;
  contactCenterSession: boolean;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    cookies[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return cookies;
}

export function parseBasic(header: string | undefined): { username: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const index = decoded.indexOf(':');
  return index < 0 ? null : { username: decoded.slice(0, index), password: decoded.slice(index + 1) };
}

const same = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export class SessionStore {
  private readonly sessions = new Map<string, GwsSession>();

  constructor(readonly agent: DemoAgent) {}

  fromCookie(cookieHeader: string | undefined): GwsSession | undefined {
    const id = parseCookies(cookieHeader)[SESSION_COOKIE];
    return id ? this.sessions.get(id) : undefined;
  }

  byId(id: string): GwsSession | undefined {
    return this.sessions.get(id);
  }

  /** Basic credentials of the demo agent → a new session; wrong ones → null. */
  signIn(credentials: { username: string; password: string }): GwsSession | null {
    if (
      !same(credentials.username, this.agent.username) ||
      !same(credentials.password, this.agent.password)
    ) {
      return null;
    }
    return this.create();
  }

  create(): GwsSession {
    const session = {
      id: newSessionId(),
      csrfToken: newToken(),
      agent: this.agent,
      contactCenterSession: false,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  csrfValid(session: GwsSession, headerValue: string | string[] | undefined): boolean {
    return typeof headerValue === 'string' && same(headerValue, session.csrfToken);
  }

  end(session: GwsSession): void {
    this.sessions.delete(session.id);
  }

  dropAll(): void {
    this.sessions.clear();
  }

  get size(): number {
    return this.sessions.size;
  }
}
