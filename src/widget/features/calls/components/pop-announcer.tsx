import { useEffect, useRef, useState } from 'react';
import { callerNumber } from '../../../i18n/caller-number';
import { t } from '../../../i18n/i18n';
import { usePopsStore } from '../store/pops-store';

/** Tells screen-reader users, politely, that a new call popped: the visual change alone is not enough. */
export function PopAnnouncer() {
  // The newest call's id and caller, as a string: a step of a pop does not render this again.
  const newest = usePopsStore((state) => {
    const id = state.order[0];
    return id === undefined ? '' : JSON.stringify([id, state.pops[id]?.caller ?? null]);
  });
  const [message, setMessage] = useState('');
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (!newest) return;
    const [callId, caller] = JSON.parse(newest) as [string, string | null];
    if (callId === announced.current) return;
    announced.current = callId;
    setMessage(caller ? t('pop.announce', { caller: callerNumber(caller) }) : t('pop.announceUnknown'));
  }, [newest]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
