// The checks a lookup passes before anything is sent upstream. The route's JSON schema
// (UniqueIdParams) covers the contract; these add what a schema cannot express and decide
// which of the two stable codes the caller gets.
import { Compile } from 'typebox/compile';
import { type Attribute, isAttribute, MAX_VALUE_LENGTH, UniqueIdParams } from '../../shared/lookup-api';

/** Compiled once: the interpreted Value.Check cost ~20 µs per lookup. */
const paramsValidator = Compile(UniqueIdParams);

export type LookupInput =
  | { ok: true; attribute: Attribute; value: string }
  | { ok: false; code: 'invalid_attribute' | 'invalid_value'; detail: string };

const ATTRIBUTE_DETAIL = 'attribute must be one of dtmf, callReturn, clickToCall, historySearchId';
/** In `u` mode these match only unpaired surrogates: not encodable in a URL nor valid in XML. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** Noncharacters XML 1.0 forbids; they would make the SOAP request malformed. */
const XML_FORBIDDEN = /[\uFFFE\uFFFF]/;

export function validateLookupInput(attribute: unknown, value: unknown): LookupInput {
  if (!isAttribute(attribute)) return { ok: false, code: 'invalid_attribute', detail: ATTRIBUTE_DETAIL };
  if (typeof value !== 'string' || value.length === 0) {
    return { ok: false, code: 'invalid_value', detail: 'value is required' };
  }
  if ([...value].length > MAX_VALUE_LENGTH) {
    return {
      ok: false,
      code: 'invalid_value',
      detail: `value must be at most ${MAX_VALUE_LENGTH} characters`,
    };
  }
  if (LONE_SURROGATE.test(value) || XML_FORBIDDEN.test(value)) {
    return {
      ok: false,
      code: 'invalid_value',
      detail: 'value contains characters that cannot be sent upstream',
    };
  }
  if (!paramsValidator.Check({ attribute, value })) {
    return {
      ok: false,
      code: 'invalid_value',
      detail: 'value must not contain control characters or line breaks',
    };
  }
  // Encoded, "." and ".." are still dot segments: they would move the upstream path.
  if (value === '.' || value === '..') {
    return { ok: false, code: 'invalid_value', detail: 'value must not be "." or ".."' };
  }
  return { ok: true, attribute, value };
}
