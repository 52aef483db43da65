// What a caller is told when the lookup route's params schema (UniqueIdParams, which holds every
// rule) refuses the request: one of the two stable codes, and the first rule broken, in words.
import type { FastifySchemaValidationError } from 'fastify';
import { ATTRIBUTES, MAX_VALUE_LENGTH } from '../../shared/lookup-api';

export interface InputProblem {
  code: 'invalid_attribute' | 'invalid_value';
  detail: string;
}

export const ATTRIBUTE_PROBLEM: InputProblem = {
  code: 'invalid_attribute',
  detail: `attribute must be one of ${ATTRIBUTES.join(', ')}`,
};

const invalidValue = (detail: string): InputProblem => ({ code: 'invalid_value', detail });

/** `errors` as Fastify's Ajv reports them (the first failure only); `value` as the route received it. */
export function inputProblem(errors: readonly FastifySchemaValidationError[], value: unknown): InputProblem {
  const [error] = errors;
  const field = error?.instancePath === '' ? error.params.missingProperty : error?.instancePath.slice(1);
  if (field === 'attribute') return ATTRIBUTE_PROBLEM;
  switch (error?.keyword) {
    case 'required':
    case 'minLength':
      return invalidValue('value is required');
    case 'maxLength':
      return invalidValue(`value must be at most ${MAX_VALUE_LENGTH} characters`);
    default:
      if (value === '.' || value === '..') return invalidValue('value must not be "." or ".."');
      return invalidValue(
        'value must not contain control characters, line breaks or characters that cannot be sent upstream',
      );
  }
}
