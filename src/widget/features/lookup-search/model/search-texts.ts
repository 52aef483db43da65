// The supervisor's names for caller attributes and search problems, from the catalogs.
import { type Attribute, MAX_VALUE_LENGTH } from '../../../../shared/lookup-constants';
import { type MessageId, t } from '../../../i18n/i18n';
import type { ValueProblem } from './search-params';

const ATTRIBUTE_LABELS: Record<Attribute, MessageId> = {
  dtmf: 'search.attribute.dtmf',
  callReturn: 'search.attribute.callReturn',
  clickToCall: 'search.attribute.clickToCall',
  historySearchId: 'search.attribute.historySearchId',
};

export const attributeLabel = (attribute: Attribute): string => t(ATTRIBUTE_LABELS[attribute]);

export function invalidText(problem: ValueProblem): string {
  if (problem === 'too-long') return t('search.invalid.tooLong', { max: MAX_VALUE_LENGTH });
  return t(problem === 'empty' ? 'search.invalid.empty' : 'search.invalid.controlCharacters');
}
