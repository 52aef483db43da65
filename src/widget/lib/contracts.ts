// Guards for every message the widget receives, built from the shared schemas (one schema per message).
import type {
  CallStateChangeMessage,
  CreateInteractionResponse,
  CurrentCalls,
  FindPhoneCallAck,
  MeResource,
} from '../../shared/gws-messages';
import * as gws from '../../shared/gws-messages?validators';
import type { FramingVerdict, UniqueIdFound } from '../../shared/lookup-api';
import * as lookup from '../../shared/lookup-api?validators';
import type { WidgetConfig } from '../../shared/widget-config';
import * as widgetConfig from '../../shared/widget-config?validators';
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
export const isMeResource = guard<MeResource>(gws.MeResource, 'me');
export const isOperationAck = guard<{ statusCode?: number }>(gws.OperationAck, 'ack');
export const isFramingVerdict = guard<FramingVerdict>(lookup.FramingVerdict, 'framing');
export const isWidgetConfig = guard<WidgetConfig>(widgetConfig.WidgetConfig, 'WidgetConfig');
