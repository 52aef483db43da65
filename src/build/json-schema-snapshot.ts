// Vite plugin: `import schemas from '…/gws-messages?json-schema'` yields the module's exported TypeBox
// schemas as plain JSON Schema, evaluated at build time. The widget thus validates with the very
// schemas the proxy and simulator use, without shipping the TypeBox builder (~39 kB gzip) to browsers.
import { type Plugin, runnerImport } from 'vite';

const QUERY = '?json-schema';

const isSchema = (value: unknown): value is object =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  ('type' in value || 'anyOf' in value || 'enum' in value || 'const' in value);

export function jsonSchemaSnapshot(): Plugin {
  return {
    name: 'json-schema-snapshot',
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
      const schemas = Object.fromEntries(Object.entries(module).filter(([, value]) => isSchema(value)));
      return `export default ${JSON.stringify(schemas)};`;
    },
  };
}
