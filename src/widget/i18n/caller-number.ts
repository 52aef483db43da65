// How caller numbers are shown: as they came until the formatter has loaded (a lazy chunk, fetched
// right after start-up), then formatted for people (./phone-format.ts). Lookups never see this.
import { useCallback } from 'react';
import { create } from 'zustand';
import { isolate } from './i18n';

type Format = (raw: string) => string;
const useFormatStore = create<{ format: Format | null }>(() => ({ format: null }));

/**
 * `setting` is CALLER_NUMBER_REGION: `auto` (the region of the agent's locale), a region code (`FR`),
 * or `off` (numbers shown exactly as they came).
 */
export async function loadCallerNumberFormat(setting: string, localeRegion: string | undefined) {
  if (setting === 'off') return;
  try {
    const { callerNumberFormat } = await import('./phone-format');
    useFormatStore.setState({ format: callerNumberFormat(setting === 'auto' ? localeRegion : setting) });
  } catch (error) {
    console.warn('[uhw] caller numbers are shown as they came: the formatter did not load', error);
  }
}

const show = (format: Format | null, raw: string) => isolate(format ? format(raw) : raw);

/** The caller's number as the agent reads it, now (outside React: toasts). */
export const callerNumber = (raw: string): string => show(useFormatStore.getState().format, raw);

/** The same in a component, which renders again once the formatter has loaded. */
export function useCallerNumber(): (raw: string) => string {
  const format = useFormatStore((state) => state.format);
  // The same function until the formatter changes: components that take it as a prop stay memoised.
  return useCallback((raw: string) => show(format, raw), [format]);
}

/** Tests: back to numbers as they came. */
export const resetCallerNumberFormat = () => useFormatStore.setState({ format: null });
