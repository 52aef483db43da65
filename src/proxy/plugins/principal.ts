// The caller as the auth modes see it: a key every mode has, and the user when the mode knows one.

export interface PrincipalUser {
  id: string;
  userName?: string;
  firstName?: string;
  lastName?: string;
  roles: string[];
}

export interface Principal {
  /** Stable per-client key for rate limiting, e.g. `session:<hash>`, `jwt:<sub>`, `token:<ip>`, `ip:<ip>`. */
  key: string;
  /** The signed-in user when the auth mode knows it (GWS session: from the GET /api/v2/me body `user`). */
  user?: PrincipalUser;
  /** PROXY_AUTH=jwt: the names of the claims the token carried (for the diagnostics view; never values). */
  claimNames?: string[];
}
