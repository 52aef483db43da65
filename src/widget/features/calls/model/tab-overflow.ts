// Call tabs on one row: how many fit, and which calls get one.

/** Room kept for the "+N" button when some calls do not fit. */
const MORE_BUTTON_PX = 44;
const GAP_PX = 4;

/**
 * Which calls get a tab when only `fit` fit: the newest ones, and the active one always (it takes the
 * last place if it is older), so the call on screen is never hidden in the "+N" menu.
 */
export function visibleTabs(order: readonly string[], activeId: string | null, fit: number): string[] {
  const count = Math.max(1, Math.min(fit, order.length));
  const newest = order.slice(0, count);
  if (activeId === null || newest.includes(activeId) || !order.includes(activeId)) return newest;
  return [...newest.slice(0, count - 1), activeId];
}

/** How many tabs of these widths fit in a row this wide, keeping room for the "+N" button if needed. */
export function countFitting(widths: readonly number[], rowWidth: number): number {
  const total = widths.reduce((sum, width) => sum + width + GAP_PX, 0);
  if (total <= rowWidth) return widths.length;
  let used = MORE_BUTTON_PX;
  let count = 0;
  for (const width of widths) {
    used += width + GAP_PX;
    if (used > rowWidth) break;
    count += 1;
  }
  return Math.max(1, count);
}
