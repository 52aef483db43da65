// Modules imported with `?validators` (see src/build/compiled-validators.ts): a compiled check per
// schema the module exports, read through a namespace import (`import * as gws from '…?validators'`)
// so that unused ones are dropped from the bundle.
declare module '*?validators' {
  const validators: Record<string, import('./lib/schema').CompiledSchema>;
  export = validators;
}
