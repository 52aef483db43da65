// Which language the widget speaks: `?lang=`, else the browser's languages, else English. WWE's
// Service Client API documents no way to ask for the agent's language, so inside WWE the same order
// applies (src/widget/features/wwe/README.md, assumption 11).
import { intlTag, LOCALES, type Locale, localeTag, PSEUDO_LOCALE, PSEUDO_TAGS, RTL_LOCALES } from './locales';

export interface LocaleChoice {
  locale: Locale;
  /** `<html lang>`: the language of the texts shown (the catalog's, not the one asked for). */
  tag: string;
  dir: 'ltr' | 'rtl';
  /**
   * The agent's region (ISO 3166), for caller numbers: the region of the tag asked for (`fr-CA` → CA,
   * `pt-PT` → PT), else the likely region of the language (`fr` → FR, `en` → US).
   */
  region: string | undefined;
}

/** A well-formed tag in canonical case, or null (`pt_br` → `pt-BR`; garbage → null). */
function canonical(tag: string): Intl.Locale | null {
  try {
    return new Intl.Locale(tag.trim().replaceAll('_', '-'));
  } catch {
    return null;
  }
}

/** The shipped locale for one requested tag: exact (`pt-BR`), else by language (`pt-PT` → `pt-BR`). */
function match(requested: Intl.Locale): Locale | undefined {
  const tag = requested.toString();
  if (PSEUDO_TAGS.some((pseudo) => pseudo.toLowerCase() === tag.toLowerCase())) return PSEUDO_LOCALE;
  return (
    LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase()) ??
    LOCALES.find((locale) => new Intl.Locale(locale).language === requested.language)
  );
}

function regionOf(requested: Intl.Locale | undefined, locale: Locale): string | undefined {
  if (locale === PSEUDO_LOCALE) return 'US';
  if (requested?.region && /^[A-Z]{2}$/.test(requested.region)) return requested.region;
  return new Intl.Locale(intlTag(locale)).maximize().region;
}

/** The first requested tag we can serve, falling back by language, then English. */
export function negotiateLocale(requested: readonly string[]): LocaleChoice {
  for (const tag of requested) {
    const parsed = canonical(tag);
    const locale = parsed && match(parsed);
    if (locale) return choice(locale, parsed);
  }
  return choice('en', undefined);
}

function choice(locale: Locale, requested: Intl.Locale | undefined): LocaleChoice {
  return {
    locale,
    tag: localeTag(locale),
    dir: RTL_LOCALES.has(locale) ? 'rtl' : 'ltr',
    region: regionOf(requested, locale),
  };
}

/** The languages asked for, most wanted first: the page's `?lang=`, then the browser's. */
export function requestedLocales(search: string, browserLanguages: readonly string[]): string[] {
  const lang = new URLSearchParams(search).get('lang');
  return [...(lang ? [lang] : []), ...browserLanguages];
}
