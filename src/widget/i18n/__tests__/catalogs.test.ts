// Every shipped catalog says everything English says, with the same placeholders, plural and select
// arguments and select cases (the code passes those), and plural categories its language has.
import { type CompiledMessage, compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../locales';

const FILES = import.meta.glob<Record<string, string>>('../locales/*.json', {
  eager: true,
  import: 'default',
});
const read = (locale: string): Record<string, string> => FILES[`../locales/${locale}.json`] ?? {};

interface Shape {
  args: Set<string>;
  selects: Map<string, string[]>;
  plurals: Map<string, string[]>;
}

function shape(
  message: CompiledMessage,
  into: Shape = { args: new Set(), selects: new Map(), plurals: new Map() },
) {
  for (const token of message) {
    if (!Array.isArray(token)) continue;
    const [name, format, cases] = token as [string, string?, Record<string, unknown>?];
    into.args.add(name);
    if (format !== 'select' && format !== 'plural') continue;
    const keys = Object.keys(cases ?? {}).filter((key) => key !== 'offset');
    const seen = (format === 'select' ? into.selects : into.plurals).get(name) ?? [];
    (format === 'select' ? into.selects : into.plurals).set(name, [...new Set([...seen, ...keys])].sort());
    for (const key of keys) shape((cases?.[key] ?? []) as CompiledMessage, into);
  }
  return into;
}

const en = read('en');

it('ships one catalog file per locale, and no other', () => {
  expect(Object.keys(FILES).sort()).toEqual(LOCALES.map((locale) => `../locales/${locale}.json`).sort());
});

describe.each(LOCALES.filter((locale) => locale !== 'en'))('the %s catalog', (locale) => {
  const catalog = read(locale);
  const categories = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);

  it('has exactly the English message ids', () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))(
    '%s: same placeholders and select cases, plural categories of the language',
    (id) => {
      const source = shape(compileMessageOrThrow(en[id] ?? ''));
      const translated = shape(compileMessageOrThrow(catalog[id] ?? ''));
      expect([...translated.args].sort()).toEqual([...source.args].sort());
      expect(translated.selects).toEqual(source.selects);
      for (const [name, keys] of translated.plurals) {
        expect(keys, `${name}: "other" is required`).toContain('other');
        for (const key of keys)
          expect(key.startsWith('=') || categories.has(key as Intl.LDMLPluralRule)).toBe(true);
      }
    },
  );

  it('is translated, not a copy of English', () => {
    const same = Object.keys(en).filter((id) => catalog[id] === en[id]);
    expect(same.length / Object.keys(en).length).toBeLessThan(0.1);
  });
});
