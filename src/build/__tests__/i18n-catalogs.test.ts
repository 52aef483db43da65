import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../i18n-catalogs';
import { compilePseudo, pseudoText } from '../pseudo-locale';

describe('pseudo-locale', () => {
  it('accents letters and doubles vowels, about a third longer', () => {
    expect(pseudoText('Steps')).toBe('Šţééþš');
    const english = 'Pops per minute, last hour';
    expect(pseudoText(english).length / english.length).toBeGreaterThan(1.25);
  });

  it('brackets the message and keeps placeholders, plurals and selects as they are', () => {
    expect(compilePseudo('Call from {caller}')).toEqual(['[', 'Çááļļ ƒŕööɱ ', ['caller'], ']']);
    expect(compilePseudo('{total, plural, one {# pop} other {# pops}}')).toEqual([
      '[',
      ['total', 'plural', { one: ['#', ' þööþ'], other: ['#', ' þööþš'] }],
      ']',
    ]);
  });
});

describe('compileCatalog', () => {
  it('compiles a locale file, and the pseudo-locale from English', async () => {
    const fr = await compileCatalog('fr');
    expect(fr['pop.heading']).toEqual(['Appel de ', ['caller']]);
    const pseudo = await compileCatalog('pseudo');
    expect(Object.keys(pseudo).sort()).toEqual(Object.keys(await compileCatalog('en')).sort());
    expect(pseudo['steps.heading']).toEqual(['[', 'Šţééþš', ']']);
  });

  it('reads nothing but catalogs', async () => {
    await expect(compileCatalog('../../proxy/settings')).rejects.toThrow('no catalog named');
    await expect(compileCatalog('xx')).rejects.toThrow('ENOENT');
  });
});
