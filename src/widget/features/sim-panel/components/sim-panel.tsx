import { type FormEvent, useId, useState } from 'react';
import './sim-panel.css';
import { CALL_TYPES, type KnownCallType } from '../../../../shared/gws-constants';
import { useCallerNumber } from '../../../i18n/caller-number';
import { t } from '../../../i18n/i18n';
import { useCallAction, usePlaceCall, useSimCalls } from '../api/sim-calls';
import '../../../ui/forms.css';

/**
 * Demo aid shown beside the widget when the embedded simulator is in use: place, answer, release calls.
 * Translated like the rest, so a demo in the agent's language shows no English.
 */
export default function SimPanel() {
  const id = useId();
  const [ani, setAni] = useState('+14155550100');
  const [callType, setCallType] = useState<KnownCallType>('Inbound');
  const [historySearchId, setHistorySearchId] = useState('');
  const [dtmf, setDtmf] = useState('');
  const place = usePlaceCall();
  const action = useCallAction();
  const calls = useSimCalls();
  const callerNumber = useCallerNumber();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const userData: Record<string, string> = {};
    if (historySearchId.trim()) userData.historySearchId = historySearchId.trim();
    if (dtmf.trim()) userData.DTMF = dtmf.trim();
    performance.mark('uhw:place-call');
    place.mutate({ ani: ani.trim(), dnis: '5001', callType, userData });
  };

  return (
    <aside className="sim" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('sim.heading')}</h2>
      <form onSubmit={submit} className="sim__form">
        <label htmlFor={`${id}-ani`}>{t('sim.callerNumber')}</label>
        <input
          id={`${id}-ani`}
          value={ani}
          required
          maxLength={64}
          onChange={(e) => setAni(e.target.value)}
        />
        <label htmlFor={`${id}-type`}>{t('sim.callType')}</label>
        <select
          id={`${id}-type`}
          value={callType}
          onChange={(e) => setCallType(e.target.value as KnownCallType)}
        >
          {CALL_TYPES.map((type) => (
            <option key={type} value={type}>
              {t('sim.callType.value', { type })}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-hs`}>{t('sim.historySearchId')}</label>
        <input id={`${id}-hs`} value={historySearchId} onChange={(e) => setHistorySearchId(e.target.value)} />
        <label htmlFor={`${id}-dtmf`}>{t('sim.dtmf')}</label>
        <input id={`${id}-dtmf`} value={dtmf} onChange={(e) => setDtmf(e.target.value)} />
        <button type="submit" disabled={place.isPending}>
          {t('sim.place')}
        </button>
        {place.isError ? <p role="alert">{t('sim.placeFailed', { message: place.error.message })}</p> : null}
      </form>
      <h3>{t('sim.inProgress')}</h3>
      {calls.data && calls.data.length > 0 ? (
        <ul className="sim__calls" aria-label={t('sim.calls')}>
          {calls.data.map((call) => (
            <li key={call.id}>
              <span>
                {t('sim.call', { caller: call.ani ? callerNumber(call.ani) : '?', state: call.state })}
              </span>
              {call.state === 'Ringing' ? (
                <button type="button" onClick={() => action.mutate({ callId: call.id, action: 'answer' })}>
                  {t('sim.answer')}
                </button>
              ) : null}
              <button type="button" onClick={() => action.mutate({ callId: call.id, action: 'release' })}>
                {t('sim.release')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('sim.noCalls')}</p>
      )}
    </aside>
  );
}
