import { describe, expect, it } from 'vitest';
import { activateLocale, formatTime, t } from '../i18n';
import { negotiateLocale } from '../negotiate-locale';

describe('t', () => {
  it('fills placeholders and plurals in English', async () => {
    await activateLocale(negotiateLocale(['en']));
    expect(t('pop.heading', { caller: '+14155550100' })).toBe('Call from +14155550100');
    expect(t('feed.count', { total: 1 })).toBe('1 pop');
    expect(t('feed.countFiltered', { shown: 2, total: 1200 })).toBe('2 of 1,200 pops');
    expect(t('calls.more', { count: 3 })).toBe('3 more calls');
    expect(t('pop.state', { state: 'Bridged' })).toBe('Bridged');
  });

  it('speaks the chosen locale, with its plural rules and number formats', async () => {
    expect(await activateLocale(negotiateLocale(['de-AT']))).toMatchObject({ locale: 'de', region: 'AT' });
    expect(t('feed.countFiltered', { shown: 1, total: 1200 })).toBe('1 von 1.200 Screen-Pops');
    expect(t('pop.state', { state: 'Held' })).toBe('Gehalten');
  });

  it('in Arabic, isolates data values (caller numbers keep their order) but still chooses on them', async () => {
    await activateLocale(negotiateLocale(['ar']));
    expect(t('pop.heading', { caller: '+1 415 555 0100' })).toBe('مكالمة من \u2068+1 415 555 0100\u2069');
    expect(t('pop.state', { state: 'Ringing' })).toBe('يرن');
    expect(t('feed.count', { total: 2 })).toBe('نافذتان منبثقتان');
    expect(formatTime(Date.UTC(2026, 0, 1, 12, 0, 0))).toMatch(/[صم]/);
    await activateLocale(negotiateLocale(['en']));
    expect(t('pop.heading', { caller: '+1' })).toBe('Call from +1');
  });
});
