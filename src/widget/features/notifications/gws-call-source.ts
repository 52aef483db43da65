// GWS as a call source: the agent's call events on CometD, and the calls in progress after every
// (re)connect (the standalone agent view and the embedded view in a host page of our own contract).
import type { CallSource } from '../../lib/call-source';
import type { GwsNotifications } from './gws-notifications';

export const gwsCallSource = (gws: GwsNotifications): CallSource => ({
  name: 'gws',
  start: ({ sink }) => gws.followCalls(sink),
});
