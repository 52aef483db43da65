import { create } from 'zustand';

/**
 * What the agent sees of the GWS notification channel. `connected` means GWS publishes to us: the
 * handshake is done and the subscription acknowledged (`subscribing` until then, `resubscribing`
 * while a refused or unanswered subscription is asked again).
 */
export type ConnectionState =
  | 'idle'
  | 'connecting'
  | 'subscribing'
  | 'resubscribing'
  | 'connected'
  | 'reconnecting'
  | 'disconnected';

export const useConnectionStore = create<{ state: ConnectionState }>()(() => ({ state: 'idle' }));
export const setConnectionState = (state: ConnectionState) => useConnectionStore.setState({ state });
