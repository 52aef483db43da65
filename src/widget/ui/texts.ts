// Every text the agent or supervisor reads, in one place (ready for translation).
export const texts = {
  appTitle: 'Interaction history',
  loadingConfig: 'Starting…',
  configFailed: 'The widget could not load its settings.',
  retry: 'Retry',
  connection: {
    idle: 'not connected',
    connecting: 'connecting…',
    connected: 'connected',
    reconnecting: 'reconnecting…',
    disconnected: 'signed out',
  },
  signIn: {
    heading: 'Sign in to Genesys',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'User name or password is wrong.',
    signOut: 'Sign out',
  },
  waiting: 'Waiting for a call…',
  callsLabel: 'Calls',
  callTab: (caller: string | undefined) => caller ?? 'Unknown caller',
  released: 'ended',
  steps: {
    heading: 'Steps',
    call: 'Call received',
    ucs: 'UCS interaction',
    lookup: 'Uniphore unique ID',
    attempts: 'Lookup attempts',
  },
  ucs: {
    pending: 'finding…',
    found: (id: string) => `found ${id}`,
    failed: (detail: string) => `UCS request failed (${detail})`,
    timeout: 'no answer from UCS in time',
    error: (code: string) => `FindPhoneCall failed (${code})`,
    skipped: 'no caller number to search by',
  },
  lookup: {
    pending: 'looking up…',
    waiting: 'waiting for UCS',
    found: (attribute: string, id: string) => `found by ${attribute}: ${id}`,
    notFoundAll: 'none of the caller attributes matched',
  },
  attempt: {
    waiting: 'waiting',
    pending: 'asking…',
    found: 'found',
    'not-found': 'not found',
    skipped: 'no value',
    error: 'failed',
  } as Record<string, string>,
  notFound: (caller: string | undefined) => `No interaction history found for ${caller ?? 'this caller'}.`,
  errors: {
    upstream_unauthorized:
      'Uniphore rejected our credentials: a configuration problem (ask the administrator).',
    upstream_timeout: 'The history service is slow to answer.',
    upstream_unreachable: 'The history service cannot be reached.',
    upstream_error: 'The history service failed.',
    upstream_bad_response: 'The history service sent an answer we cannot read.',
    unauthenticated: 'Your session has expired: sign in again.',
    rate_limited: 'Too many lookups: wait a moment.',
    fallback: (code: string) => `The lookup failed (${code}).`,
  } as Record<string, string | ((code: string) => string)>,
  history: {
    frameTitle: (caller: string | undefined) => `Interaction history of ${caller ?? 'the caller'}`,
    openInNewTab: 'Open in new tab',
    frameRefused: 'The history page does not allow being shown here: open it in a new tab.',
    slow: 'The history page is slow to load: you can open it in a new tab.',
    untrusted: 'The history address is not on the configured history site, so it is not shown.',
  },
  announceNewCall: (caller: string | undefined) => `New call from ${caller ?? 'an unknown number'}`,
  callerHeading: (caller: string | undefined) => `Call from ${caller ?? 'unknown number'}`,
  ms: (ms: number | undefined) => (ms === undefined ? '' : `${Math.round(ms)} ms`),
};

export function errorText(code: string): string {
  const entry = texts.errors[code] ?? texts.errors.fallback;
  return typeof entry === 'function' ? entry(code) : (entry ?? code);
}
