// The supervisor's search problems, from the catalogs (attribute names: i18n/texts.ts).
import { MAX_VALUE_LENGTH } from '../../../../shared/lookup-constants';
import { t } from '../../../i18n/i18n';
import type { ValueProblem } from './search-params';

export function invalidText(problem: ValueProblem): string {
  if (problem === 'too-long') return t('search.invalid.tooLong', { max: MAX_VALUE_LENGTH });
  return t(problem === 'empty' ? 'search.invalid.empty' : 'search.invalid.controlCharacters');
}
