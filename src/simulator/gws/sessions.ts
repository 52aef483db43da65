// GWS sessions as documented: Basic credentials (or, for the demo, none) create a session whose
// JSESSIONID cookie every later request carries; each session has its CSRF token, which every
// POST/PUT/DELETE must send in the header named by X-CSRF-HEADER.
import { timingSafeEqual } from 'node:crypto';
import { newSessionId, newToken } from '../ids';

export const SESSION_COOKIE = 'JSESSIONID';
export const CSRF_HEADER_NAME = 'X-CSRF-TOKEN';

/** A simulated GWS user (demo accounts, not secrets): the agent, or the supervisor. */
export interface DemoAgent {
  username: string;
  password: string;
  userId: string;
  firstName: string;
  lastName: string;
  /** GWS role strings, as `GET /api/v2/me` lists them (ROLE_AGENT, ROLE_SUPERVISOR, ROLE_ADMIN). */
  roles: string[];
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

  /** `agent` is the user of sessions created without credentials; `others` sign in with theirs. */
  constructor(
    readonly agent: DemoAgent,
    readonly others: readonly DemoAgent[] = [],
  ) {}

  get users(): readonly DemoAgent[] {
    return [this.agent, ...this.others];
  }

  fromCookie(cookieHeader: string | undefined): GwsSession | undefined {
    const id = parseCookies(cookieHeader)[SESSION_COOKIE];
    return id ? this.sessions.get(id) : undefined;
  }

  byId(id: string): GwsSession | undefined {
    return this.sessions.get(id);
  }

  /** Basic credentials of a simulated user → a new session of that user; wrong ones → null. */
  signIn(credentials: { username: string; password: string }): GwsSession | null {
    const user = this.users.find(
      (candidate) =>
        same(credentials.username, candidate.username) && same(credentials.password, candidate.password),
    );
    return user ? this.create(user) : null;
  }

  create(user: DemoAgent = this.agent): GwsSession {
    const session = {
      id: newSessionId(),
      csrfToken: newToken(),
      agent: user,
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
