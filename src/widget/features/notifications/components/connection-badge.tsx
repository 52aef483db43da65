import { texts } from '../../../ui/texts';
import { useConnectionStore } from '../connection-store';

export function ConnectionBadge() {
  const state = useConnectionStore((s) => s.state);
  return (
    <output className="connection" data-state={state} aria-live="polite">
      {texts.connection[state]}
    </output>
  );
}
