import { type KeyboardEvent, useRef } from 'react';
import { useCallerNumber } from '../../../i18n/caller-number';
import { t } from '../../../i18n/i18n';
import { activatePop, selectOrder, selectPops, usePopsStore } from '../store/pops-store';

/** One tab per call (consultation, transfer, conference), newest first; arrow keys move between tabs. */
export function CallTabs() {
  const order = usePopsStore(selectOrder);
  const pops = usePopsStore(selectPops);
  const tabs = order.map((id) => ({ id, caller: pops[id]?.caller, released: pops[id]?.released }));
  const activeId = usePopsStore((state) => state.activeId);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const callerNumber = useCallerNumber();
  if (tabs.length < 2) return null;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    const next = tabs[(index + delta + tabs.length) % tabs.length];
    if (!next) return;
    activatePop(next.id);
    refs.current.get(next.id)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('calls.label')}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          ref={(node) => {
            if (node) refs.current.set(tab.id, node);
            else refs.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={tab.id === activeId}
          aria-controls="active-pop"
          tabIndex={tab.id === activeId ? 0 : -1}
          onClick={() => activatePop(tab.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.caller === undefined
            ? t(tab.released ? 'calls.tabUnknownEnded' : 'calls.tabUnknown')
            : tab.released
              ? t('calls.tabEnded', { caller: callerNumber(tab.caller) })
              : callerNumber(tab.caller)}
        </button>
      ))}
    </div>
  );
}
