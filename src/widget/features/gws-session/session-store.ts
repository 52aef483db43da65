// The agent's GWS session as the widget sees it: whether it is signed in, and who. The CSRF pair
// that goes with it lives in the HTTP client (lib/http.ts), which adds it to every unsafe GWS request.
import { create } from 'zustand';
import { setCsrf } from '../../lib/http';

export type SessionStatus = 'unknown' | 'signing-in' | 'signed-in' | 'signed-out' | 'error';

interface SessionState {
  status: SessionStatus;
  /** GWS asked for credentials: the sign-in form stays up, through attempts, until one succeeds. */
  credentialsRequired: boolean;
  userName: string | null;
  error: string | null;
}

export const useSessionStore = create<SessionState>()(() => ({
  status: 'unknown',
  credentialsRequired: false,
  userName: null,
  error: null,
}));

/** Signed out by GWS (401) or by the agent: credentials are needed to go on. */
export function signedOut(): void {
  setCsrf(null);
  useSessionStore.setState({ status: 'signed-out', credentialsRequired: true });
}
