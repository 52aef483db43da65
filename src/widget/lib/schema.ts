// Runtime checks of untrusted data (GWS notifications, HTTP answers, desktop messages) with the
// shared schemas, compiled to plain functions at build time (src/build/compiled-validators.ts).

/** One schema as the `?validators` import hands it over. */
export interface CompiledSchema {
  check(value: unknown): boolean;
  /** The fields an object of this schema must have, for explanations. */
  required: readonly string[];
}

export interface Guard<T> {
  (value: unknown): value is T;
  /** Why the value does not match, for log lines. */
  explain(value: unknown): string;
}

export function guard<T>(schema: CompiledSchema | undefined, name: string): Guard<T> {
  if (!schema) throw new Error(`schema ${name} is missing from the compiled validators`);
  const check = ((value: unknown) => schema.check(value)) as Guard<T>;
  check.explain = (value) => {
    if (schema.check(value)) return 'valid';
    if (schema.required.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
      return `${name}: not of the expected shape`;
    }
    const missing = schema.required.filter((key) => !(key in value));
    return missing.length > 0
      ? `${name}: missing ${missing.join(', ')}`
      : `${name}: a field has the wrong type or value`;
  };
  return check;
}

/** For answers whose content does not matter, only that they came. */
export const anything = Object.assign((_value: unknown): _value is unknown => true, {
  explain: () => 'valid',
}) as Guard<unknown>;
