// The widget's one Lingui instance. The locale is chosen once, before the first render (main.tsx), and
// never changes while the page lives, so components read texts with `t()` and need no React context.
// Every catalog, English too, is a lazy chunk of its own: English in the initial chunk would cost every
// agent 2.3 kB gzip, and its load runs in parallel with the settings request the page waits for anyway.
import { type Messages, setupI18n } from '@lingui/core';
import { intlTag, type Locale } from './locales';
import type source from './locales/en.json';
import type { LocaleChoice } from './negotiate-locale';

export type MessageId = keyof typeof source;
export type MessageValues = Record<string, string | number | undefined>;

const CATALOGS: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import('virtual:i18n-catalog/en'),
  fr: () => import('virtual:i18n-catalog/fr'),
  de: () => import('virtual:i18n-catalog/de'),
  es: () => import('virtual:i18n-catalog/es'),
  'pt-BR': () => import('virtual:i18n-catalog/pt-BR'),
  ja: () => import('virtual:i18n-catalog/ja'),
  ar: () => import('virtual:i18n-catalog/ar'),
  pseudo: () => import('virtual:i18n-catalog/pseudo'),
};

const i18n = setupI18n({ locale: 'en', messages: { en: {} } });
let rtl = false;

async function load(locale: Locale): Promise<void> {
  i18n.load(locale, (await CATALOGS[locale]()).default);
  i18n.activate(locale, [intlTag(locale)]);
}

/** Loads the chosen locale's catalog and makes it the active one; English if it cannot be loaded. */
export async function activateLocale(choice: LocaleChoice): Promise<LocaleChoice> {
  try {
    await load(choice.locale);
    rtl = choice.dir === 'rtl';
    return choice;
  } catch (error) {
    console.warn(`[uhw] the ${choice.locale} texts could not be loaded: English instead`, error);
  }
  // Lingui shows message ids when even English is missing: still readable, and the widget still works.
  await load('en').catch((error) => console.warn('[uhw] the English texts could not be loaded', error));
  return { ...choice, locale: 'en', tag: 'en', dir: 'ltr' };
}

// U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE: a number or id inside right-to-left
// text keeps its own order ("+1 415 555 0100", not "0100 555 415 1+").
const ISOLATED = /^\u2066|^\u2068/;
export const isolate = (value: string): string =>
  rtl && !ISOLATED.test(value) ? `\u2068${value}\u2069` : value;

/** Arguments a message chooses on (plural, select): their values must stay as they are to match. */
function choiceArguments(message: unknown, into = new Set<string>()): Set<string> {
  if (!Array.isArray(message)) return into;
  for (const token of message) {
    if (!Array.isArray(token)) continue;
    const [name, format, cases] = token as [string, string?, Record<string, unknown>?];
    if (format === 'plural' || format === 'select' || format === 'selectordinal') {
      into.add(name);
      for (const branch of Object.values(cases ?? {})) choiceArguments(branch, into);
    }
  }
  return into;
}

/** The active locale's text for `id`, with ICU placeholders, plurals and selects filled in. */
export function t(id: MessageId, values?: MessageValues): string {
  if (!values || !rtl) return i18n._(id, values);
  const choices = choiceArguments(i18n.messages[id]);
  const isolated = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      typeof value === 'string' && !choices.has(key) ? isolate(value) : value,
    ]),
  );
  return i18n._(id, isolated);
}

/** Whether the catalogs hold `id` (for ids made from data, such as problem codes). */
export const hasMessage = (id: string): id is MessageId => id in i18n.messages;

/** The BCP 47 tag `Intl` formats with (the pseudo-locale formats as English). */
export const activeIntlLocale = (): string => intlTag(i18n.locale as Locale);

/** Hours and minutes in the agent's locale (chart axes). */
export const formatHourMinute = (at: number): string =>
  i18n.date(new Date(at), { hour: '2-digit', minute: '2-digit' });

/** A clock time in the agent's locale (24-hour where the locale uses it). */
export const formatTime = (at: number): string =>
  i18n.date(new Date(at), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
