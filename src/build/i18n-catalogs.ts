// Vite plugin: `import messages from 'virtual:i18n-catalog/fr'` yields src/widget/i18n/locales/fr.json
// compiled by Lingui's ICU MessageFormat compiler at build time, so the browser ships no message
// parser; `virtual:i18n-catalog/pseudo` is the pseudo-locale made from en.json. A message that does
// not compile fails the build, naming the locale and the message id.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledMessage, compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';
import { compilePseudo } from './pseudo-locale.ts';

const PREFIX = 'virtual:i18n-catalog/';
const LOCALES_DIR = fileURLToPath(new URL('../widget/i18n/locales', import.meta.url));

export async function compileCatalog(locale: string): Promise<Record<string, CompiledMessage>> {
  const pseudo = locale === 'pseudo';
  if (!pseudo && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale))
    throw new Error(`no catalog named ${locale}`);
  const file = path.join(LOCALES_DIR, `${pseudo ? 'en' : locale}.json`);
  const source = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  const compiled: Record<string, CompiledMessage> = {};
  for (const [id, message] of Object.entries(source)) {
    try {
      compiled[id] = pseudo ? compilePseudo(message) : compileMessageOrThrow(message);
    } catch (error) {
      throw new Error(
        `${path.basename(file)}: message "${id}" does not compile: ${(error as Error).message}`,
      );
    }
  }
  return compiled;
}

export function i18nCatalogs(): Plugin {
  return {
    name: 'i18n-catalogs',
    enforce: 'pre',
    resolveId(source) {
      return source.startsWith(PREFIX) ? `\0${source}` : null;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const locale = id.slice(PREFIX.length + 1);
      this.addWatchFile(path.join(LOCALES_DIR, `${locale === 'pseudo' ? 'en' : locale}.json`));
      return `export default ${JSON.stringify(await compileCatalog(locale))};`;
    },
  };
}
