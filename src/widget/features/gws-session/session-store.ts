// The agent's GWS session as the widget sees it: whether it is signed in, and the CSRF header to send.
import { create } from 'zustand';

export interface Csrf {
  header: string;
  token: string;
}

export type SessionStatus = 'unknown' | 'signing-in' | 'signed-in' | 'signed-out' | 'error';

interface SessionState {
  status: SessionStatus;
  csrf: Csrf | null;
  userName: string | null;
  error: string | null;
}

export const useSessionStore = create<SessionState>()(() => ({
  status: 'unknown',
  csrf: null,
  userName: null,
  error: null,
}));

/** CSRF header for POST/PUT/DELETE to GWS; empty when GWS gave none. */
export function csrfHeaders(): Record<string, string> {
  const csrf = useSessionStore.getState().csrf;
  return csrf ? { [csrf.header]: csrf.token } : {};
}
