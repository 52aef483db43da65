import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindPhoneCallRequest } from '../../../../../shared/gws-messages';
import type { Attribute } from '../../../../../shared/lookup-api';
import { parseLookupOrder } from '../../../../../shared/lookup-order';
import type { WidgetConfig } from '../../../../../shared/widget-config';
import { HttpError } from '../../../../lib/http';
import type { UniqueIdResult } from '../../../lookup/api/get-unique-id';
import { popPhase, popResolution, popsActions, usePopsStore } from '../../store/pops-store';
import { PopEngine } from '../pop-engine';

const config: WidgetConfig = {
  lookupOrder: parseLookupOrder(
    'historySearchId=userData.historySearchId,historySearchId=interactionId,dtmf=userData.DTMF,callReturn=ani',
  ),
  historyOrigin: 'http://history.test',
  notificationsPath: '/api/v2/notifications',
  ucsTimeoutMs: 1_000,
  simulator: true,
  frameAncestors: [],
  ucsFields: {},
};

const callEvent = (id: string, state: string, extra: Record<string, unknown> = {}) => ({
  messageType: 'CallStateChangeMessage',
  notificationType: 'StatusChange',
  call: { id, state, callType: 'Inbound', ani: '+14155550100', ...extra },
});

/** A Uniphore stand-in: a table of attribute:value → id; anything else is not found. */
function setup(
  records: Record<string, string>,
  options: { ucs?: 'ok' | 'error' | 'never'; log?: (message: string) => void } = {},
) {
  const requests: FindPhoneCallRequest[] = [];
  const lookups: string[] = [];
  let reference = 0;
  const shown = vi.fn();
  const engine: PopEngine = new PopEngine({
    config,
    log: options.log ?? (() => {}),
    onSettled: shown,
    ucsReady: async () => true,
    findPhoneCall: async (request) => {
      requests.push(request);
      reference += 1;
      const referenceId = reference;
      if (options.ucs !== 'never') {
        // The notification races ahead of the HTTP answer.
        engine.handleNotification('/v2/me/interactions', {
          messageType: 'createInteractionResponse',
          referenceId,
          ...(options.ucs === 'error'
            ? { errorMessage: 'UCS request failed' }
            : { interactionId: `IX${referenceId}`, isCreated: 'true' }),
        });
      }
      return { statusCode: 0, referenceId };
    },
    lookupUniqueId: async (attribute: Attribute, value: string): Promise<UniqueIdResult> => {
      lookups.push(`${attribute}:${value}`);
      const uniqueId = records[`${attribute}:${value}`];
      if (uniqueId === 'FAIL') throw new HttpError(502, { code: 'upstream_unauthorized' }, 'x');
      return uniqueId
        ? { kind: 'found', found: { uniqueId, attribute, historyUrl: `http://history.test/h/${uniqueId}` } }
        : { kind: 'not-found' };
    },
  });
  return { engine, requests, lookups, shown };
}

const pop = (id: string) => usePopsStore.getState().pops[id]!;
const settle = () => vi.waitFor(() => expect(popPhase(pop('C1'))).not.toMatch(/finding|looking/));

describe('PopEngine', () => {
  beforeEach(() => popsActions.clear());
  afterEach(() => vi.useRealTimers());

  it('pops the history found by the UCS interaction id, with the notification racing the answer', async () => {
    const { engine, requests, shown } = setup({ 'historySearchId:IX1': 'U1' });
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing'));
    await settle();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      callId: 'C1',
      status: 'New',
      phoneNumber: '+14155550100',
      type: 'Inbound',
    });
    expect(popResolution(pop('C1'))).toMatchObject({ kind: 'found', attempt: { uniqueId: 'U1' } });
    expect(shown).toHaveBeenCalledTimes(1);
  });

  it('prefers a higher-priority hit even when a lower one answers first', async () => {
    const { engine } = setup({ 'callReturn:+14155550100': 'LOW', 'historySearchId:IX1': 'HIGH' });
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing'));
    await settle();
    expect(popResolution(pop('C1'))).toMatchObject({ attempt: { uniqueId: 'HIGH' } });
  });

  it('never pops the same call twice on repeated events', async () => {
    const { engine, requests } = setup({ 'callReturn:+14155550100': 'U' });
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing'));
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing'));
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Established'));
    engine.resync([callEvent('C1', 'Established').call]);
    await settle();
    expect(requests).toHaveLength(1);
    expect(usePopsStore.getState().order).toEqual(['C1']);
  });

  it('a call found by a resync does not take the screen from the call shown', async () => {
    const { engine } = setup({});
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing'));
    engine.resync([callEvent('C0', 'Established').call]);
    expect(usePopsStore.getState().activeId).toBe('C1');
    expect(usePopsStore.getState().order).toEqual(['C0', 'C1']);
  });

  it('with nothing on screen, a resync shows the newest call it found', () => {
    const { engine } = setup({});
    engine.resync([callEvent('OLD', 'Established').call, callEvent('NEW', 'Ringing').call]);
    expect(usePopsStore.getState().activeId).toBe('NEW');
  });

  it('re-runs the lookups when historySearchId is attached after ringing', async () => {
    const { engine, requests } = setup({ 'historySearchId:LATE': 'U-LATE' });
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing'));
    await settle();
    expect(popPhase(pop('C1'))).toBe('not-found');
    engine.handleNotification(
      '/v2/me/calls',
      callEvent('C1', 'Established', { userData: { historySearchId: 'LATE' } }),
    );
    await vi.waitFor(() =>
      expect(popResolution(pop('C1'))).toMatchObject({ attempt: { uniqueId: 'U-LATE' } }),
    );
    expect(requests).toHaveLength(1);
  });

  it('goes on with the call’s own attributes when UCS fails', async () => {
    const { engine } = setup({ 'dtmf:4567': 'U-DTMF' }, { ucs: 'error' });
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing', { userData: { DTMF: '4567' } }));
    await settle();
    expect(pop('C1').ucs).toMatchObject({ status: 'failed', detail: 'UCS request failed' });
    expect(popResolution(pop('C1'))).toMatchObject({ attempt: { uniqueId: 'U-DTMF' } });
  });

  it('times out when UCS never answers, then still shows what the call itself finds', async () => {
    vi.useFakeTimers();
    const { engine } = setup({ 'callReturn:+14155550100': 'U' }, { ucs: 'never' });
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing'));
    await vi.advanceTimersByTimeAsync(1_001);
    expect(pop('C1').ucs.status).toBe('timeout');
    expect(popPhase(pop('C1'))).toBe('shown');
  });

  it('stops with the error of a higher-priority lookup', async () => {
    const { engine } = setup({ 'historySearchId:IX1': 'FAIL', 'callReturn:+14155550100': 'U' });
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing'));
    await settle();
    expect(popResolution(pop('C1'))).toMatchObject({
      kind: 'error',
      attempt: { errorCode: 'upstream_unauthorized' },
    });
  });

  it('drops malformed payloads without throwing', () => {
    const log = vi.fn();
    const { engine } = setup({}, { log });
    expect(() =>
      engine.handleNotification('/v2/me/calls', { messageType: 'CallStateChangeMessage', call: 7 }),
    ).not.toThrow();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('malformed'));
    expect(usePopsStore.getState().order).toEqual([]);
  });

  it('marks released calls, tells UCS they stopped, and removes them later', async () => {
    vi.useFakeTimers();
    const { engine, requests } = setup({});
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Ringing'));
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Released'));
    expect(pop('C1').released).toBe(true);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(requests.map((request) => request.status)).toEqual(['New', 'Stopped']);
    expect(usePopsStore.getState().pops.C1).toBeUndefined();
    engine.handleNotification('/v2/me/calls', callEvent('C1', 'Established'));
    expect(usePopsStore.getState().pops.C1).toBeUndefined();
  });
});
