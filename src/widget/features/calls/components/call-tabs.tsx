import { type KeyboardEvent, lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { useCallerNumber } from '../../../i18n/caller-number';
import { t } from '../../../i18n/i18n';
import { countFitting, visibleTabs } from '../model/tab-overflow';
import { activatePop, selectOrder, selectPops, usePopsStore } from '../store/pops-store';

// Only an agent with more calls than the row holds needs the menu: not in the initial load.
const MenuButton = lazy(() => import('../../../ui/menu-button').then((m) => ({ default: m.MenuButton })));

/**
 * One tab per call (consultation, transfer, conference), newest first, on one row: the calls that
 * do not fit go into a "+N" menu, the active one always stays in view. Arrow keys move between tabs.
 */
export function CallTabs() {
  const order = usePopsStore(selectOrder);
  const pops = usePopsStore(selectPops);
  const activeId = usePopsStore((state) => state.activeId);
  const callerNumber = useCallerNumber();
  const row = useRef<HTMLDivElement>(null);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const [fit, setFit] = useState(order.length);

  const label = (id: string) => {
    const pop = pops[id];
    if (pop?.caller === undefined) return t(pop?.released ? 'calls.tabUnknownEnded' : 'calls.tabUnknown');
    const caller = callerNumber(pop.caller);
    return pop.released ? t('calls.tabEnded', { caller }) : caller;
  };
  const labels = order.map(label).join('\n');

  // Every tab is rendered (those that do not fit hidden, still measurable): how many fit depends only
  // on their widths and the row's, so one measurement settles it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `labels` changes the tabs' widths (a call ended, the number formatter loaded).
  useLayoutEffect(() => {
    const element = row.current;
    if (!element || order.length < 2) return;
    const measure = () => {
      const widths = order.map((id) => refs.current.get(id)?.offsetWidth ?? 0);
      setFit(countFitting(widths, element.clientWidth));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [order, labels]);

  if (order.length < 2) return null;
  const shown = visibleTabs(order, activeId, fit);
  const overflow = order.filter((id) => !shown.includes(id));

  const onKeyDown = (event: KeyboardEvent, id: string) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    // Right-to-left pages mirror the row: ArrowLeft moves to the next tab there.
    const step = document.documentElement.dir === 'rtl' ? -delta : delta;
    const index = shown.indexOf(id);
    const next = shown[(index + step + shown.length) % shown.length];
    if (!next) return;
    activatePop(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="tabs" ref={row}>
      <div className="tabs__list" role="tablist" aria-label={t('calls.label')}>
        {order.map((id) => {
          const visible = shown.includes(id);
          return (
            <button
              key={id}
              ref={(node) => {
                if (node) refs.current.set(id, node);
                else refs.current.delete(id);
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              className={visible ? 'tab' : 'tab tab--overflow'}
              data-released={pops[id]?.released || undefined}
              aria-selected={id === activeId}
              aria-controls="active-pop"
              aria-hidden={visible ? undefined : true}
              tabIndex={visible && id === activeId ? 0 : -1}
              onClick={() => activatePop(id)}
              onKeyDown={(event) => onKeyDown(event, id)}
            >
              {label(id)}
            </button>
          );
        })}
      </div>
      {overflow.length > 0 ? (
        <Suspense fallback={null}>
          <MenuButton
            className="tabs__more"
            label={t('calls.more', { count: overflow.length })}
            items={overflow.map((id) => ({ id, label: label(id) }))}
            onSelect={activatePop}
          >
            {t('calls.moreShort', { count: overflow.length })}
          </MenuButton>
        </Suspense>
      ) : null}
    </div>
  );
}
