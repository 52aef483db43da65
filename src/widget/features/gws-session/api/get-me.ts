// `GET /api/v2/me`: creates (Basic credentials) or confirms (JSESSIONID cookie) the GWS session and
// hands out the CSRF header name and token that every later POST must carry.
import { isMeResource } from '../../../lib/contracts';
import { type Csrf, HttpError, request, setCsrf } from '../../../lib/http';
import { signedOut, useSessionStore } from '../session-store';

export interface Credentials {
  username: string;
  password: string;
}

function basic({ username, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function readCsrf(headers: Headers): Csrf | null {
  const header = headers.get('X-CSRF-HEADER');
  const token = headers.get('X-CSRF-TOKEN');
  return header && token ? { header, token } : null;
}

/**
 * Signs in (or confirms the session). Resolves false when GWS answers 401: credentials are needed,
 * unless `quiet` (inside a desktop that owns the sign-in, where no session is a normal answer).
 */
export async function getMe(credentials?: Credentials, { quiet = false } = {}): Promise<boolean> {
  useSessionStore.setState({ status: 'signing-in', error: null });
  try {
    const { data, headers } = await request('/api/v2/me', isMeResource, {
      headers: credentials ? { Authorization: basic(credentials) } : {},
    });
    setCsrf(readCsrf(headers));
    useSessionStore.setState({
      status: 'signed-in',
      credentialsRequired: false,
      userName: data.user?.userName ?? null,
    });
    return true;
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) {
      if (quiet) {
        setCsrf(null);
        useSessionStore.setState({ status: 'signed-out' });
        return false;
      }
      signedOut();
      useSessionStore.setState({ error: credentials ? 'wrong-credentials' : null });
      return false;
    }
    useSessionStore.setState({
      status: 'error',
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
