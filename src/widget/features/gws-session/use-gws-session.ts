import { useCallback, useEffect } from 'react';
import { getMe } from './api/get-me';
import { useSessionStore } from './session-store';

/**
 * A GWS session without the agent machinery (the supervisor's tab): the proxy's lookup route checks
 * the caller's GWS session, so the tab signs in like the agent view does.
 */
export function useGwsSession() {
  const status = useSessionStore((s) => s.status);
  const credentialsRequired = useSessionStore((s) => s.credentialsRequired);
  useEffect(() => {
    getMe().catch((error) => console.warn('[uhw] GWS session check failed', error));
  }, []);
  const signIn = useCallback((username: string, password: string) => {
    getMe({ username, password }).catch((error) => console.warn('[uhw] sign-in failed', error));
  }, []);
  return { status, credentialsRequired, signIn };
}
