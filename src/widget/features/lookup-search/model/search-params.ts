// The supervisor's search lives in the URL (`?mode=supervisor&attribute=…&value=…`): shareable,
// bookmarkable, and walked by the browser's back and forward buttons.
import { type Attribute, isAttribute, MAX_VALUE_LENGTH } from '../../../../shared/lookup-constants';

export interface Search {
  attribute: Attribute;
  value: string;
}

export function readSearch(search: string): Search | null {
  const params = new URLSearchParams(search);
  const attribute = params.get('attribute');
  const value = params.get('value');
  if (!isAttribute(attribute) || value === null || validateValue(value) !== null) return null;
  return { attribute, value };
}

export function searchUrl(current: string, search: Search): string {
  const params = new URLSearchParams(current);
  params.set('mode', 'supervisor');
  params.set('attribute', search.attribute);
  params.set('value', search.value);
  return `?${params.toString()}`;
}

export function clearedUrl(current: string): string {
  const params = new URLSearchParams(current);
  params.delete('attribute');
  params.delete('value');
  return `?${params.toString()}`;
}

export type ValueProblem = 'empty' | 'too-long' | 'control-characters';

/** The proxy's own rules, checked before anything is sent. */
export function validateValue(value: string): ValueProblem | null {
  if (value.length === 0) return 'empty';
  if (value.length > MAX_VALUE_LENGTH) return 'too-long';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) return 'control-characters';
  return null;
}
