// Texts composed from several messages, shared by more than one component.
import { hasMessage, t } from './i18n';

/** A problem code (the proxy's, or `network_error`) as a sentence for the agent. */
export function errorText(code: string): string {
  const id = `error.${code}`;
  return hasMessage(id) ? t(id) : t('error.fallback', { code });
}

/** A duration in milliseconds, rounded; nothing when unknown. */
export const durationText = (ms: number | undefined): string =>
  ms === undefined ? '' : t('steps.ms', { ms: Math.round(ms) });

/** Outcome and attempt statuses are written with hyphens; ICU select keys cannot hold one. */
export const selectKey = (value: string): string =>
  value.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
