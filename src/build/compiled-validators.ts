// Vite plugin: `import * as validators from '…/gws-messages?validators'` yields, for every TypeBox schema
// the module exports, a check function compiled at build time (TypeBox's standalone code generator)
// and the names of its required fields. The widget thus validates with the very schemas the proxy and
// simulator use, and ships neither TypeBox's builder nor a JSON Schema interpreter: only the checks.
import type { TSchema } from 'typebox';
import { Code } from 'typebox/compile';
import { type Plugin, runnerImport } from 'vite';

const QUERY = '?validators';

const isSchema = (value: unknown): value is TSchema =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  ('type' in value || 'anyOf' in value || 'enum' in value || 'const' in value);

/** A value of the generated code's External table (regular expressions, mostly) as source text. */
function literal(value: unknown): string {
  if (value instanceof RegExp)
    return `new RegExp(${JSON.stringify(value.source)}, ${JSON.stringify(value.flags)})`;
  return JSON.stringify(value);
}

/** One schema's standalone module, folded into the shared one: its names prefixed, its imports hoisted. */
export function compiledCheck(name: string, schema: TSchema): { code: string; imports: Set<string> } {
  const { Code: source, External } = Code(schema);
  const imports = new Set<string>();
  for (const match of source.matchAll(/^import \{ (\w+) \} from "([^"]+)"$/gm)) {
    if (match[1] && new RegExp(`\\b${match[1]}\\.`).test(source)) imports.add(`${match[1]}|${match[2]}`);
  }
  const external = `${name}_external`;
  const body = source
    .replace(/^import .*$/gm, '')
    .replace(/^\/\/ @ts-ignore$/gm, '')
    .replace(/^let External = \[\]$/m, '')
    .replace(/^export function SetExternal.*$/m, '')
    .replace(
      /^export function Check\(value\) \{ return (check_\d+)\(value\) \}$/m,
      `const ${name}_check = $1;`,
    )
    .replace(/\bcheck_(\d+)\b/g, `${name}_c$1`)
    .replace(/\bExternal\b/g, external);
  const variables = (External.variables as unknown[]).map(literal).join(', ');
  return { code: `const ${external} = [${variables}];\n${body.trim()}\n`, imports };
}

export function compiledValidators(): Plugin {
  return {
    name: 'compiled-validators',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(QUERY)) return null;
      const resolved = await this.resolve(source.slice(0, -QUERY.length), importer, { skipSelf: true });
      return resolved ? `${resolved.id}${QUERY}` : null;
    },
    async load(id) {
      if (!id.endsWith(QUERY)) return null;
      const file = id.slice(0, -QUERY.length);
      this.addWatchFile(file);
      const { module, dependencies } = await runnerImport<Record<string, unknown>>(file, {
        configFile: false,
        logLevel: 'silent',
      });
      for (const dependency of dependencies) this.addWatchFile(dependency);
      const imports = new Set<string>();
      const parts: string[] = [];
      const entries: string[] = [];
      for (const [name, value] of Object.entries(module)) {
        if (!isSchema(value)) continue;
        const compiled = compiledCheck(name, value);
        for (const entry of compiled.imports) imports.add(entry);
        parts.push(compiled.code);
        const required = (value as { required?: string[] }).required ?? [];
        // Named exports, read through a namespace import: what a module does not use is dropped.
        entries.push(
          `export const ${name} = { check: ${name}_check, required: ${JSON.stringify(required)} };`,
        );
      }
      const head = [...imports].map((entry) => {
        const [symbol, from] = entry.split('|');
        return `import { ${symbol} } from ${JSON.stringify(from)};`;
      });
      return `${head.join('\n')}\n${parts.join('\n')}\n${entries.join('\n')}\n`;
    },
  };
}
