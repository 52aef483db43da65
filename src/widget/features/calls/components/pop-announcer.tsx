import { useEffect, useRef, useState } from 'react';
import { callerNumber } from '../../../i18n/caller-number';
import { t } from '../../../i18n/i18n';
import { usePopsStore } from '../store/pops-store';

/** Tells screen-reader users, politely, that a new call popped: the visual change alone is not enough. */
export function PopAnnouncer() {
  const newest = usePopsStore((state) => (state.order[0] ? state.pops[state.order[0]] : undefined));
  const [message, setMessage] = useState('');
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (!newest || newest.callId === announced.current) return;
    announced.current = newest.callId;
    setMessage(
      newest.caller === undefined
        ? t('pop.announceUnknown')
        : t('pop.announce', { caller: callerNumber(newest.caller) }),
    );
  }, [newest]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
