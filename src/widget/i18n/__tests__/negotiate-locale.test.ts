import { describe, expect, it } from 'vitest';
import { negotiateLocale, requestedLocales } from '../negotiate-locale';

describe('negotiateLocale', () => {
  it('takes the first requested locale it ships', () => {
    expect(negotiateLocale(['de-DE', 'fr'])).toEqual({ locale: 'de', tag: 'de', dir: 'ltr', region: 'DE' });
    expect(negotiateLocale(['zh-CN', 'ja'])).toMatchObject({ locale: 'ja', region: 'JP' });
  });

  it('falls back by language: pt-PT → pt-BR, fr-CA → fr, keeping the asked region', () => {
    expect(negotiateLocale(['pt-PT'])).toEqual({ locale: 'pt-BR', tag: 'pt-BR', dir: 'ltr', region: 'PT' });
    expect(negotiateLocale(['fr-CA'])).toEqual({ locale: 'fr', tag: 'fr', dir: 'ltr', region: 'CA' });
    expect(negotiateLocale(['pt'])).toMatchObject({ locale: 'pt-BR', region: 'BR' });
  });

  it('gives the region of the tag, else the likely region of the language', () => {
    expect(negotiateLocale(['en-US']).region).toBe('US');
    expect(negotiateLocale(['en-GB']).region).toBe('GB');
    expect(negotiateLocale(['fr']).region).toBe('FR');
    expect(negotiateLocale(['es-419'])).toMatchObject({ locale: 'es', region: 'ES' });
  });

  it('lays Arabic out right to left', () => {
    expect(negotiateLocale(['ar-SA'])).toEqual({ locale: 'ar', tag: 'ar', dir: 'rtl', region: 'SA' });
  });

  it('reads tags in any case and with underscores', () => {
    expect(negotiateLocale(['PT_br']).locale).toBe('pt-BR');
    expect(negotiateLocale(['DE']).locale).toBe('de');
  });

  it('serves the pseudo-locale for pseudo and en-XA only', () => {
    expect(negotiateLocale(['pseudo'])).toEqual({ locale: 'pseudo', tag: 'en-XA', dir: 'ltr', region: 'US' });
    expect(negotiateLocale(['en-XA']).locale).toBe('pseudo');
    expect(negotiateLocale(['en-XB']).locale).toBe('en');
  });

  it('skips malformed and unshipped tags, and ends in English', () => {
    expect(negotiateLocale(['not a tag!', '', 'sw', 'es'])).toMatchObject({ locale: 'es' });
    expect(negotiateLocale(['zh', 'ko'])).toEqual({ locale: 'en', tag: 'en', dir: 'ltr', region: 'US' });
    expect(negotiateLocale([])).toMatchObject({ locale: 'en' });
  });
});

describe('requestedLocales', () => {
  it('puts ?lang= before the browser languages', () => {
    expect(requestedLocales('?mode=embedded&lang=ar', ['en-US', 'en'])).toEqual(['ar', 'en-US', 'en']);
    expect(requestedLocales('?mode=embedded&host=wwe', ['fr-CA'])).toEqual(['fr-CA']);
    expect(requestedLocales('', [])).toEqual([]);
  });
});
