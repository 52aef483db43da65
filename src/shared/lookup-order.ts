// LOOKUP_ORDER: which Uniphore attribute to try, in which order, and where each value comes from.
// Grammar: comma-separated `attribute=source`; source is `interactionId` (the UCS interaction id),
// `ani` (the caller's number), `dnis`, `callId`, or `userData.<key>` (attached data).
import { type Attribute, isAttribute } from './lookup-constants';

export interface LookupStep {
  attribute: Attribute;
  source: string;
}

export const DEFAULT_LOOKUP_ORDER =
  'historySearchId=userData.historySearchId,historySearchId=interactionId,dtmf=userData.DTMF,callReturn=ani,clickToCall=ani';

const SOURCE_PATTERN = /^(interactionId|ani|dnis|callId|userData\.[A-Za-z0-9_.-]{1,64})$/;

export class LookupOrderError extends Error {}

export function parseLookupOrder(text: string): LookupStep[] {
  const steps = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [attribute, source, extra] = part.split('=').map((s) => s.trim());
      if (extra !== undefined || !attribute || !source) {
        throw new LookupOrderError(`"${part}" is not attribute=source`);
      }
      if (!isAttribute(attribute)) {
        throw new LookupOrderError(
          `"${attribute}" is not one of dtmf, callReturn, clickToCall, historySearchId`,
        );
      }
      if (!SOURCE_PATTERN.test(source)) {
        throw new LookupOrderError(`"${source}" is not interactionId, ani, dnis, callId or userData.<key>`);
      }
      return { attribute, source };
    });
  if (steps.length === 0) throw new LookupOrderError('no lookup step given');
  const seen = new Set<string>();
  for (const step of steps) {
    const key = `${step.attribute}=${step.source}`;
    if (seen.has(key)) throw new LookupOrderError(`"${key}" is listed twice`);
    seen.add(key);
  }
  return steps;
}

export interface LookupContext {
  interactionId?: string | undefined;
  ani?: string | undefined;
  dnis?: string | undefined;
  callId?: string | undefined;
  userData?: Record<string, unknown> | undefined;
}

/** The value a step's source yields for one call, or undefined when the call does not carry it. */
export function resolveSource(source: string, context: LookupContext): string | undefined {
  let raw: unknown;
  if (source.startsWith('userData.')) raw = context.userData?.[source.slice('userData.'.length)];
  else if (source === 'interactionId') raw = context.interactionId;
  else if (source === 'ani') raw = context.ani;
  else if (source === 'dnis') raw = context.dnis;
  else if (source === 'callId') raw = context.callId;
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  return value === '' ? undefined : value;
}
