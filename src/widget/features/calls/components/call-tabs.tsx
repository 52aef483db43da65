import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useCallerNumber } from '../../../i18n/caller-number';
import { t } from '../../../i18n/i18n';
import { MenuButton } from '../../../ui/menu-button';
import './call-tabs.css';
import { countFitting, visibleTabs } from '../model/tab-overflow';
import { activatePop, type PopsState, selectOrder, usePopsStore } from '../store/pops-store';

/**
 * One tab per call (consultation, transfer, conference), newest first, on one row: the calls that
 * do not fit go into a "+N" menu, the active one always stays in view. Arrow keys move between tabs.
 */
/** What the call tabs show, `[id, released, caller]` per call, newest first, as JSON: a string, so a
 * component reading it renders again only when a tab's label changes, not on every step of a pop. */
const selectTabKey = (state: PopsState): string =>
  JSON.stringify(
    state.order.map((id) => [id, state.pops[id]?.released ?? false, state.pops[id]?.caller ?? null]),
  );

export default function CallTabs() {
  const order = usePopsStore(selectOrder);
  // What a tab shows, as one string: the tabs render again when a label changes, not on every step
  // of a pop (a lookup answering changes the pop, never its tab).
  const tabKey = usePopsStore(selectTabKey);
  const activeId = usePopsStore((state) => state.activeId);
  const callerNumber = useCallerNumber();
  const row = useRef<HTMLDivElement>(null);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  // Until measured, as many as there are (the row clips the rest).
  const [fit, setFit] = useState(Number.POSITIVE_INFINITY);

  const tabs = new Map(
    (JSON.parse(tabKey) as [string, boolean, string | null][]).map(([id, released, caller]) => [
      id,
      { released, caller },
    ]),
  );
  const label = (id: string) => {
    const tab = tabs.get(id);
    if (!tab?.caller) return t(tab?.released ? 'calls.tabUnknownEnded' : 'calls.tabUnknown');
    const caller = callerNumber(tab.caller);
    return tab.released ? t('calls.tabEnded', { caller }) : caller;
  };

  // Every tab is rendered (those that do not fit hidden, still measured): how many fit depends only on
  // their widths and the row's. Read by a ResizeObserver, after layout, never forcing one: a pop must
  // not wait for the tabs to be measured.
  useEffect(() => {
    const element = row.current;
    if (!element || order.length < 2) return;
    const widths = new Map<Element, number>();
    // Its first callback, right after layout, tells every size (a read here would force a layout).
    let rowWidth = 0;
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const width = entry.borderBoxSize[0]?.inlineSize ?? 0;
        if (entry.target === element) rowWidth = entry.contentBoxSize[0]?.inlineSize ?? rowWidth;
        else widths.set(entry.target, width);
      }
      setFit(
        countFitting(
          order.map((id) => widths.get(refs.current.get(id) as Element) ?? 0),
          rowWidth,
        ),
      );
    });
    observer.observe(element);
    for (const id of order) {
      const tab = refs.current.get(id);
      if (tab) observer.observe(tab);
    }
    return () => observer.disconnect();
  }, [order]);

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
              data-released={tabs.get(id)?.released || undefined}
              aria-selected={id === activeId}
              aria-controls={`pop-panel-${id}`}
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
        <MenuButton
          className="tabs__more"
          label={t('calls.more', { count: overflow.length })}
          items={overflow.map((id) => ({ id, label: label(id) }))}
          onSelect={activatePop}
        >
          {t('calls.moreShort', { count: overflow.length })}
        </MenuButton>
      ) : null}
    </div>
  );
}
