import { useEffect, useRef, useState } from 'react';
import { callerNumber } from '../../../i18n/caller-number';
import { t } from '../../../i18n/i18n';
import { usePopsStore } from '../store/pops-store';

/** Tells screen-reader users, politely, that a new call popped: the visual change alone is not enough. */
export function PopAnnouncer() {
  // The newest call's id and caller, strings: a step of a pop does not render this again.
  const callId = usePopsStore((state) => state.order[0]);
  const caller = usePopsStore((state) => (callId === undefined ? undefined : state.pops[callId]?.caller));
  const [message, setMessage] = useState('');
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (callId === undefined || callId === announced.current) return;
    announced.current = callId;
    setMessage(caller ? t('pop.announce', { caller: callerNumber(caller) }) : t('pop.announceUnknown'));
  }, [callId, caller]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
