// Every text the agent or supervisor reads, in one place (ready for translation).
export const texts = {
  appTitle: 'Interaction history',
  loadingConfig: 'Starting…',
  configFailed: 'The widget could not load its settings.',
  retry: 'Retry',
  connection: {
    idle: 'not connected',
    connecting: 'connecting…',
    subscribing: 'connecting…',
    resubscribing: 'not receiving calls: retrying…',
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
    embeddedSignedOut: 'Not signed in to Genesys: sign in to the agent desktop, then reload this panel.',
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
    skipped: (reason: string | undefined) =>
      reason === 'no-gws-session'
        ? 'not asked: no GWS session in this desktop, so the call’s own data is used'
        : reason === 'no-call-id'
          ? 'not asked: the desktop gave no GWS call id'
          : 'no caller number to search by',
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
      'Uniphore rejected our credentials (ask the administrator): a configuration problem.',
    upstream_timeout: 'The history service is slow: it did not answer in time.',
    upstream_unreachable: 'The history service cannot be reached.',
    upstream_error: 'The history service failed.',
    upstream_bad_response: 'The history service sent an answer we cannot read.',
    unauthenticated: 'Your session has expired: sign in again.',
    rate_limited: 'Too many lookups: wait a moment.',
    network_error: 'The widget cannot reach its server.',
    fallback: (code: string) => `The lookup failed (${code}).`,
  } as Record<string, string | ((code: string) => string)>,
  history: {
    frameTitle: (caller: string | undefined) => `Interaction history of ${caller ?? 'the caller'}`,
    openInNewTab: 'Open in new tab',
    frameRefused: 'The history page does not allow being shown here: open it in a new tab.',
    slow: 'The history page is slow to load: you can open it in a new tab.',
    untrusted: 'The history address is not on the configured history site, so it is not shown.',
  },
  wweToast: (caller: string | undefined) => ({
    title: 'Interaction history',
    message: `History found for ${caller ?? 'the caller'}: open the Interaction history panel.`,
  }),
  announceNewCall: (caller: string | undefined) => `New call from ${caller ?? 'an unknown number'}`,
  supervisor: { title: 'Interaction lookup' },
  search: {
    heading: 'Find an interaction',
    attribute: 'Caller attribute',
    value: 'Value',
    submit: 'Search',
    hint: 'Search by caller attribute, or open a deep link (?mode=supervisor&attribute=…&value=…).',
    attributes: {
      dtmf: 'DTMF code',
      callReturn: 'Call return number',
      clickToCall: 'Click-to-call caller ID',
      historySearchId: 'History search ID',
    } as Record<string, string>,
    invalid: {
      empty: 'Enter a value to search for.',
      'too-long': 'The value is longer than 128 characters.',
      'control-characters': 'The value contains control characters.',
    } as Record<string, string>,
    pending: (label: string) => `Looking up ${label}…`,
    notFound: (label: string) => `Not found: no interaction for ${label}.`,
    found: (uniqueId: string) => `Interaction ${uniqueId}`,
    resultFor: (label: string) => `Result for ${label}`,
  },
  feed: {
    heading: 'Team feed',
    filter: 'Filter',
    agent: 'Agent',
    allAgents: 'All agents',
    outcome: 'Outcome',
    all: 'All',
    outcomes: { found: 'shown', 'not-found': 'not found', error: 'failed' } as Record<string, string>,
    states: {
      connecting: 'connecting…',
      live: 'live',
      degraded: 'degraded: pops from this server only',
      reconnecting: 'reconnecting…',
    } as Record<string, string>,
    unavailable: (reason: string) =>
      reason === 'forbidden'
        ? 'feed unavailable: only supervisors see the team feed'
        : reason === 'unauthenticated'
          ? 'feed unavailable: sign in again'
          : 'feed unavailable: retrying…',
    count: (shown: number, total: number) =>
      shown === total ? `${total} pops` : `${shown} of ${total} pops`,
    unknownCaller: 'unknown caller',
    won: (attribute: string, uniqueId: string) => `${attribute}: ${uniqueId}`,
    announce: (agent: string, caller: string | undefined, outcome: string | undefined) =>
      `${agent}: pop for ${caller ?? 'an unknown caller'}, ${outcome ?? ''}`,
    chartCaption: 'Pops per minute, last hour',
    chartSummary: (found: number, notFound: number, failed: number) =>
      `Pops in the last hour: ${found} shown, ${notFound} not found, ${failed} failed`,
  },
  callerHeading: (caller: string | undefined) => `Call from ${caller ?? 'unknown number'}`,
  ms: (ms: number | undefined) => (ms === undefined ? '' : `${Math.round(ms)} ms`),
};

export function errorText(code: string): string {
  const entry = texts.errors[code] ?? texts.errors.fallback;
  return typeof entry === 'function' ? entry(code) : (entry ?? code);
}
