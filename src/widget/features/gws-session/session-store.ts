// The agent's GWS session as the widget sees it: whether it is signed in, and the CSRF header to send.
import { create } from 'zustand';

export interface Csrf {
  header: string;
  token: string;
}

export type SessionStatus = 'unknown' | 'signing-in' | 'signed-in' | 'signed-out' | 'error';

interface SessionState {
  status: SessionStatus;
  /** GWS asked for credentials: the sign-in form stays up, through attempts, until one succeeds. */
  credentialsRequired: boolean;
  csrf: Csrf | null;
  userName: string | null;
  error: string | null;
}

export const useSessionStore = create<SessionState>()(() => ({
  status: 'unknown',
  credentialsRequired: false,
  csrf: null,
  userName: null,
  error: null,
}));

/** Signed out by GWS (401) or by the agent: credentials are needed to go on. */
export const signedOut = () =>
  useSessionStore.setState({ status: 'signed-out', credentialsRequired: true, csrf: null });

/** CSRF header for POST/PUT/DELETE to GWS; empty when GWS gave none. */
export function csrfHeaders(): Record<string, string> {
  const csrf = useSessionStore.getState().csrf;
  return csrf ? { [csrf.header]: csrf.token } : {};
}
