import { useCallback, useEffect } from 'react';
import { type Credentials, getMe } from './api/get-me';
import { useSessionStore } from './session-store';

/**
 * A GWS session without the agent machinery (the supervisor's tab): the proxy's routes check the
 * caller's GWS session, so the tab signs in like the agent view does. `credentials`, when given,
 * names who signs in at once (the simulator's supervisor); otherwise the tab's existing session is
 * used, and the sign-in form asks when there is none.
 */
export function useGwsSession(credentials?: () => Promise<Credentials | null>) {
  const status = useSessionStore((s) => s.status);
  const credentialsRequired = useSessionStore((s) => s.credentialsRequired);
  useEffect(() => {
    const signIn = async () => getMe((await credentials?.()) ?? undefined);
    signIn().catch((error) => console.warn('[uhw] GWS session check failed', error));
  }, [credentials]);
  const signIn = useCallback((username: string, password: string) => {
    getMe({ username, password }).catch((error) => console.warn('[uhw] sign-in failed', error));
  }, []);
  return { status, credentialsRequired, signIn };
}
