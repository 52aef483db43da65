import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindPhoneCallRequest } from '../../../../../shared/gws-messages';
import type { Attribute } from '../../../../../shared/lookup-api';
import { parseLookupOrder } from '../../../../../shared/lookup-order';
import type { WidgetConfig } from '../../../../../shared/widget-config';
import {
  callerNumber,
  loadCallerNumberFormat,
  resetCallerNumberFormat,
} from '../../../../i18n/caller-number';
import type { SourceCall } from '../../../../lib/call-source';
import { HttpError } from '../../../../lib/http';
import { popPhase, popResolution } from '../../model/pop';
import { clearPops, popsView, usePopsStore } from '../../store/pops-store';
import { type LookupAnswer, PopEngine, type UcsPort } from '../pop-engine';

const config: WidgetConfig = {
  lookupOrder: parseLookupOrder(
    'historySearchId=userData.historySearchId,historySearchId=interactionId,dtmf=userData.DTMF,callReturn=ani',
  ),
  historyOrigin: 'http://history.test',
  notificationsPath: '/api/v2/notifications',
  ucsTimeoutMs: 1_000,
  simulator: true,
  frameAncestors: [],
  auth: 'gws',
  wwe: { toast: false },
  callerNumberRegion: 'auto',
  feedBacklogMaxAgeMs: 3_600_000,
  historyWarmup: { mode: 'off', url: 'http://history.test/favicon.ico', intervalMs: 30_000 },
  ucsFields: {},
};

const call = (id: string, state: string, extra: Partial<SourceCall> = {}): SourceCall => ({
  id,
  gwsCallId: id,
  state,
  callType: 'Inbound',
  ani: '+14155550100',
  ...extra,
});

/** A Uniphore stand-in: a table of attribute:value → id; anything else is not found. */
function setup(
  records: Record<string, string>,
  options: { ucs?: 'ok' | 'error' | 'never' | 'none'; log?: (message: string) => void } = {},
) {
  const requests: FindPhoneCallRequest[] = [];
  const lookups: string[] = [];
  let reference = 0;
  const settled = vi.fn();
  const ucs: UcsPort = {
    ready: async () => true,
    findPhoneCall: async (request) => {
      requests.push(request);
      reference += 1;
      const referenceId = reference;
      if (options.ucs !== 'never') {
        // The notification races ahead of the HTTP answer.
        engine.acceptUcsAnswer({
          messageType: 'createInteractionResponse',
          referenceId,
          ...(options.ucs === 'error'
            ? { errorMessage: 'UCS request failed' }
            : { interactionId: `IX${referenceId}`, isCreated: 'true' }),
        });
      }
      return { statusCode: 0, referenceId };
    },
  };
  const engine: PopEngine = new PopEngine({
    config,
    log: options.log ?? (() => {}),
    onSettled: settled,
    view: popsView,
    ucs: () => (options.ucs === 'none' ? null : ucs),
    lookupUniqueId: async (attribute: Attribute, value: string): Promise<LookupAnswer> => {
      lookups.push(`${attribute}:${value}`);
      const uniqueId = records[`${attribute}:${value}`];
      if (uniqueId === 'FAIL') throw new HttpError(502, { code: 'upstream_unauthorized' }, 'x');
      return uniqueId
        ? { kind: 'found', uniqueId, historyUrl: `http://history.test/h/${uniqueId}` }
        : { kind: 'not-found' };
    },
  });
  return { engine, requests, lookups, settled };
}

const pop = (id: string) => usePopsStore.getState().pops[id]!;
const settle = (id = 'C1') => vi.waitFor(() => expect(popPhase(pop(id))).not.toMatch(/finding|looking/));

describe('PopEngine', () => {
  beforeEach(() => clearPops());
  afterEach(() => vi.useRealTimers());

  it('pops the history found by the UCS interaction id, with the notification racing the answer', async () => {
    const { engine, requests, settled } = setup({ 'historySearchId:IX1': 'U1' });
    engine.handleCall(call('C1', 'Ringing'), 'gws');
    await settle();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      callId: 'C1',
      status: 'New',
      phoneNumber: '+14155550100',
      type: 'Inbound',
    });
    expect(popResolution(pop('C1'))).toMatchObject({ kind: 'found', attempt: { uniqueId: 'U1' } });
    expect(settled).toHaveBeenCalledTimes(1);
    expect(settled.mock.calls[0]?.[0]).toMatchObject({
      callId: 'C1',
      source: 'gws',
      outcome: 'found',
      attribute: 'historySearchId',
      uniqueId: 'U1',
      historyUrl: 'http://history.test/h/U1',
      ucs: 'found',
      timings: { totalMs: expect.any(Number) },
    });
  });

  it('sends the caller number exactly as it came, while the agent sees it formatted', async () => {
    await loadCallerNumberFormat('auto', 'US');
    try {
      expect(callerNumber('4155550100')).toBe('(415) 555-0100');
      const { engine, requests, lookups, settled } = setup(
        { 'callReturn:4155550100': 'U1' },
        { ucs: 'error' },
      );
      engine.handleCall(call('C1', 'Ringing', { ani: '4155550100' }), 'gws');
      await settle();
      expect(requests[0]).toMatchObject({ phoneNumber: '4155550100' });
      expect(lookups).toContain('callReturn:4155550100');
      expect(lookups.every((lookup) => !lookup.includes('('))).toBe(true);
      expect(pop('C1').caller).toBe('4155550100');
      expect(settled.mock.calls[0]?.[0]).toMatchObject({ caller: '4155550100', uniqueId: 'U1' });
    } finally {
      resetCallerNumberFormat();
    }
  });

  it('prefers a higher-priority hit even when a lower one answers first', async () => {
    const { engine } = setup({ 'callReturn:+14155550100': 'LOW', 'historySearchId:IX1': 'HIGH' });
    engine.handleCall(call('C1', 'Ringing'), 'gws');
    await settle();
    expect(popResolution(pop('C1'))).toMatchObject({ attempt: { uniqueId: 'HIGH' } });
  });

  it('never pops the same call twice on repeated events', async () => {
    const { engine, requests } = setup({ 'callReturn:+14155550100': 'U' });
    engine.handleCall(call('C1', 'Ringing'), 'gws');
    engine.handleCall(call('C1', 'Ringing'), 'gws');
    engine.handleCall(call('C1', 'Established'), 'gws');
    engine.resync([call('C1', 'Established')], 'gws');
    await settle();
    expect(requests).toHaveLength(1);
    expect(usePopsStore.getState().order).toEqual(['C1']);
  });

  it('an established call found by a resync does not take the screen from the call shown', () => {
    const { engine } = setup({});
    engine.handleCall(call('C1', 'Ringing'), 'gws');
    engine.resync([call('C0', 'Established')], 'gws');
    expect(usePopsStore.getState().activeId).toBe('C1');
    expect(usePopsStore.getState().order).toEqual(['C0', 'C1']);
  });

  it('a call found ringing by a resync takes the screen, as a live ringing call does', () => {
    const { engine } = setup({});
    engine.handleCall(call('C1', 'Established'), 'gws');
    engine.resync([call('C0', 'Established'), call('MISSED', 'Ringing')], 'gws');
    expect(usePopsStore.getState().activeId).toBe('MISSED');
  });

  it('with nothing on screen, a resync shows the newest call it found', () => {
    const { engine } = setup({});
    engine.resync([call('OLD', 'Established'), call('NEW', 'Established')], 'gws');
    expect(usePopsStore.getState().activeId).toBe('NEW');
  });

  it('re-runs the lookups when historySearchId is attached after ringing', async () => {
    const { engine, requests } = setup({ 'historySearchId:LATE': 'U-LATE' });
    engine.handleCall(call('C1', 'Ringing'), 'gws');
    await settle();
    expect(popPhase(pop('C1'))).toBe('not-found');
    engine.handleCall(call('C1', 'Established', { userData: { historySearchId: 'LATE' } }), 'gws');
    await vi.waitFor(() =>
      expect(popResolution(pop('C1'))).toMatchObject({ attempt: { uniqueId: 'U-LATE' } }),
    );
    expect(requests).toHaveLength(1);
  });

  it('data attached while UCS is still being asked: the new pass waits for the same answer', async () => {
    vi.useFakeTimers();
    const { engine, requests } = setup({ 'historySearchId:HS': 'U-HS' }, { ucs: 'never' });
    engine.handleCall(call('C1', 'Ringing'), 'gws');
    engine.handleCall(call('C1', 'Ringing', { userData: { historySearchId: 'HS' } }), 'gws');
    await vi.advanceTimersByTimeAsync(1_001);
    expect(pop('C1').ucs.status).toBe('timeout');
    expect(popResolution(pop('C1'))).toMatchObject({ kind: 'found', attempt: { uniqueId: 'U-HS' } });
    expect(requests).toHaveLength(1);
  });

  it('goes on with the call’s own attributes when UCS fails', async () => {
    const { engine } = setup({ 'dtmf:4567': 'U-DTMF' }, { ucs: 'error' });
    engine.handleCall(call('C1', 'Ringing', { userData: { DTMF: '4567' } }), 'gws');
    await settle();
    expect(pop('C1').ucs).toMatchObject({ status: 'failed', detail: 'UCS request failed' });
    expect(popResolution(pop('C1'))).toMatchObject({ attempt: { uniqueId: 'U-DTMF' } });
  });

  it('times out when UCS never answers, then still shows what the call itself finds', async () => {
    vi.useFakeTimers();
    const { engine } = setup({ 'callReturn:+14155550100': 'U' }, { ucs: 'never' });
    engine.handleCall(call('C1', 'Ringing'), 'gws');
    await vi.advanceTimersByTimeAsync(1_001);
    expect(pop('C1').ucs.status).toBe('timeout');
    expect(popPhase(pop('C1'))).toBe('shown');
  });

  it('without a GWS session, skips UCS and says why, and pops from the call’s own data', async () => {
    const { engine, requests } = setup({ 'callReturn:+14155550100': 'U' }, { ucs: 'none' });
    engine.handleCall(call('W1', 'Ringing'), 'wwe');
    await settle('W1');
    expect(requests).toEqual([]);
    expect(pop('W1').ucs).toEqual({ status: 'skipped', detail: 'no-gws-session' });
    expect(popResolution(pop('W1'))).toMatchObject({ kind: 'found', attempt: { attribute: 'callReturn' } });
  });

  it('without a GWS call id, skips UCS and says why', async () => {
    const { engine, requests } = setup({}, {});
    engine.handleCall(call('W1', 'Ringing', { gwsCallId: undefined }), 'wwe');
    await settle('W1');
    expect(requests).toEqual([]);
    expect(pop('W1').ucs).toEqual({ status: 'skipped', detail: 'no-call-id' });
  });

  it('stops with the error of a higher-priority lookup', async () => {
    const { engine } = setup({ 'historySearchId:IX1': 'FAIL', 'callReturn:+14155550100': 'U' });
    engine.handleCall(call('C1', 'Ringing'), 'gws');
    await settle();
    expect(popResolution(pop('C1'))).toMatchObject({
      kind: 'error',
      attempt: { errorCode: 'upstream_unauthorized' },
    });
  });

  it('retries from its own record of the call, not from what the screen shows', async () => {
    const { engine, requests, lookups } = setup({ 'historySearchId:IX1': 'FAIL' });
    engine.handleCall(call('C1', 'Ringing', { dnis: '5001', userData: { DTMF: '99' } }), 'gws');
    await settle();
    // Whatever the screen holds, the engine's record is what a retry runs from.
    popsView.update({ ...pop('C1'), caller: '+10000000000', userData: {} });
    engine.retry('C1');
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    await settle();
    expect(requests[1]).toMatchObject({
      callId: 'C1',
      phoneNumber: '+14155550100',
      userData: { DTMF: '99' },
    });
    expect(lookups.filter((l) => l === 'dtmf:99')).toHaveLength(2);
  });

  it('marks released calls, tells UCS they stopped, and removes them later', async () => {
    vi.useFakeTimers();
    const { engine, requests } = setup({});
    engine.handleCall(call('C1', 'Ringing'), 'host-page');
    engine.handleCall(call('C1', 'Released'), 'host-page');
    expect(pop('C1').released).toBe(true);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(requests.map((request) => request.status)).toEqual(['New', 'Stopped']);
    expect(usePopsStore.getState().pops.C1).toBeUndefined();
    engine.handleCall(call('C1', 'Established'), 'host-page');
    expect(usePopsStore.getState().pops.C1).toBeUndefined();
    expect(engine.size.runs).toBe(0);
  });

  it('a call the desktop closed (marked done) leaves the screen at once, released or not', () => {
    const { engine } = setup({});
    engine.handleCall(call('W1', 'Ringing'), 'wwe');
    engine.handleCall(call('W2', 'Ringing'), 'wwe');
    engine.handleCall(call('W1', 'Released', { closed: true }), 'wwe');
    engine.handleCall(call('W2', 'Released'), 'wwe');
    expect(usePopsStore.getState().order).toEqual(['W2']);
    engine.handleCall(call('W2', 'Released', { closed: true }), 'wwe');
    expect(usePopsStore.getState().order).toEqual([]);
  });
});
