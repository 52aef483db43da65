// Guards for every message the widget receives, built from the shared schemas (one schema per message).
import type {
  CallStateChangeMessage,
  CreateInteractionResponse,
  CurrentCalls,
  FindPhoneCallAck,
} from '../../shared/gws-messages';
import gws from '../../shared/gws-messages?json-schema';
import type { UniqueIdFound } from '../../shared/lookup-api';
import lookup from '../../shared/lookup-api?json-schema';
import type { WidgetConfig } from '../../shared/widget-config';
import widgetConfig from '../../shared/widget-config?json-schema';
import { guard } from './schema';

export const isCallStateChangeMessage = guard<CallStateChangeMessage>(
  gws.CallStateChangeMessage,
  'CallStateChangeMessage',
);
export const isCreateInteractionResponse = guard<CreateInteractionResponse>(
  gws.CreateInteractionResponse,
  'createInteractionResponse',
);
export const isFindPhoneCallAck = guard<FindPhoneCallAck>(gws.FindPhoneCallAck, 'FindPhoneCallAck');
export const isCurrentCalls = guard<CurrentCalls>(gws.CurrentCalls, 'CurrentCalls');
export const isUniqueIdFound = guard<UniqueIdFound>(lookup.UniqueIdFound, 'UniqueIdFound');
export const isWidgetConfig = guard<WidgetConfig>(widgetConfig.WidgetConfig, 'WidgetConfig');
