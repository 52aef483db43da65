// Runtime checks of untrusted data (GWS notifications, HTTP answers) against the shared JSON Schemas.
import { type Schema, Validator } from '@cfworker/json-schema';

export interface Guard<T> {
  (value: unknown): value is T;
  /** First reason the value does not match, for log lines. */
  explain(value: unknown): string;
}

export function guard<T>(schema: Schema | undefined, name: string): Guard<T> {
  if (!schema) throw new Error(`schema ${name} is missing from the snapshot`);
  const validator = new Validator(schema, '2019-09', true);
  // The validator throws on values JSON cannot carry (undefined, functions): those are simply invalid.
  const validate = (value: unknown) => {
    try {
      return validator.validate(value);
    } catch (error) {
      return { valid: false, errors: [{ instanceLocation: '#', error: String(error) }] };
    }
  };
  const check = ((value: unknown) => validate(value).valid) as Guard<T>;
  check.explain = (value) => {
    const result = validate(value);
    if (result.valid) return 'valid';
    const error = result.errors[result.errors.length - 1];
    return error ? `${name}${error.instanceLocation.slice(1)}: ${error.error}` : `${name}: invalid`;
  };
  return check;
}
