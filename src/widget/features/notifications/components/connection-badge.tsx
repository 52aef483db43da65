import { type MessageId, t } from '../../../i18n/i18n';
import { type ConnectionState, useConnectionStore } from '../connection-store';

const LABELS: Record<ConnectionState, MessageId> = {
  idle: 'connection.idle',
  connecting: 'connection.connecting',
  subscribing: 'connection.connecting',
  resubscribing: 'connection.resubscribing',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  disconnected: 'connection.disconnected',
};

export function ConnectionBadge() {
  const state = useConnectionStore((s) => s.state);
  return (
    <output className="connection" data-state={state} aria-live="polite">
      {t(LABELS[state])}
    </output>
  );
}
