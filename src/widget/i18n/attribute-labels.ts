// Caller attributes as the supervisor reads them ("DTMF code"), for the search and the team feed.
import type { Attribute } from '../../shared/lookup-constants';
import { type MessageId, t } from './i18n';

const ATTRIBUTE_LABELS: Record<Attribute, MessageId> = {
  dtmf: 'search.attribute.dtmf',
  callReturn: 'search.attribute.callReturn',
  clickToCall: 'search.attribute.clickToCall',
  historySearchId: 'search.attribute.historySearchId',
};

/** A caller attribute as the supervisor reads it ("DTMF code"). */
export const attributeLabel = (attribute: Attribute): string => t(ATTRIBUTE_LABELS[attribute]);
