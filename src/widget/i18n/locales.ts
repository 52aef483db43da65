// The locales the widget ships, one catalog file each in ./locales/ (en.json is the source).
export const LOCALES = ['en', 'fr', 'de', 'es', 'pt-BR', 'ja', 'ar'] as const;
export type ShippedLocale = (typeof LOCALES)[number];
/** Accented, longer, bracketed English: shows any text that bypasses the catalogs. Never a default. */
export const PSEUDO_LOCALE = 'pseudo';
export type Locale = ShippedLocale | typeof PSEUDO_LOCALE;
/** The BCP 47 tags that ask for the pseudo-locale (`en-XA` is the usual pseudo-region). */
export const PSEUDO_TAGS: readonly string[] = ['pseudo', 'en-XA'];

export const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['ar']);

/** What `<html lang>` and `Intl` get for a locale. */
export const localeTag = (locale: Locale): string => (locale === PSEUDO_LOCALE ? 'en-XA' : locale);
/** `Intl` has no data for the pseudo-region: it formats like English. */
export const intlTag = (locale: Locale): string => (locale === PSEUDO_LOCALE ? 'en' : locale);
