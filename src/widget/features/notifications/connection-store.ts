import { create } from 'zustand';

/** What the agent sees of the GWS notification channel. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export const useConnectionStore = create<{ state: ConnectionState }>()(() => ({ state: 'idle' }));
export const setConnectionState = (state: ConnectionState) => useConnectionStore.setState({ state });
