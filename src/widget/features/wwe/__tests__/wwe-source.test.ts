import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PopReport } from '../../../../shared/pop-report';
import type { SourceCall } from '../../../lib/call-source';
import { wweSource } from '../wwe-source';
import { fakeWwe, WWE_ORIGIN } from './fake-wwe';

const ringing = {
  interactionId: 'wwe-1',
  state: 'RINGING',
  callUuid: 'GWS-1',
  ani: '+14155550100',
  callType: 'INBOUND',
};

function start(
  options: {
    writeBackKey?: string;
    toast?: boolean;
    visible?: boolean;
    deny?: string[];
    present?: object[];
  } = {},
) {
  const wwe = fakeWwe((m) => {
    const referenceId = m.referenceId;
    if (m.event === 'subscribe') return { referenceId, subscriptionId: 'S-1' };
    if (options.deny?.includes(String(m.request)))
      return { referenceId, errorMessage: 'Service not allowed' };
    if (m.request === 'interaction.getInteractions') return { referenceId, data: options.present ?? [] };
    if (m.request === 'system.amIVisible') return { referenceId, data: options.visible ?? true };
    return { referenceId, data: null };
  });
  const calls: SourceCall[] = [];
  const current: SourceCall[][] = [];
  const settled = new Set<(report: PopReport) => void>();
  const log = vi.fn();
  const stop = wweSource({
    win: wwe.win,
    frameAncestors: [WWE_ORIGIN],
    useJwt: false,
    writeBackKey: options.writeBackKey,
    toast: options.toast ?? false,
    toastText: (caller) => ({ title: 'History', message: `found for ${caller}` }),
  }).start({
    sink: { call: (call) => calls.push(call), current: (list) => current.push([...list]) },
    ready: Promise.resolve(),
    onSettled: (listener) => {
      settled.add(listener);
      return () => settled.delete(listener);
    },
    log,
  });
  const tell = (report: Partial<PopReport>) => {
    for (const listener of settled)
      listener({ callId: 'wwe-1', outcome: 'found', receivedAt: 0, timings: { totalMs: 1 }, ...report });
  };
  const requests = () => wwe.posted.map((p) => p.message.request ?? p.message.event);
  return { wwe, calls, current, tell, log, stop, requests };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('wweSource', () => {
  afterEach(() => vi.restoreAllMocks());

  it('subscribes to interaction events, then reads the interactions already there', async () => {
    const { current, requests } = start({
      present: [ringing, { interactionId: 'wwe-2', state: 'ACCEPTED' }],
    });
    await vi.waitFor(() => expect(current).toHaveLength(1));
    expect(requests()).toEqual(['subscribe', 'interaction.getInteractions']);
    expect(current[0]).toEqual([
      expect.objectContaining({ id: 'wwe-1', state: 'Ringing', gwsCallId: 'GWS-1' }),
    ]);
  });

  it('hands each voice interaction event over, and a marked-done one as released', async () => {
    const { wwe, calls } = start();
    await settle();
    wwe.emit('interaction', ringing);
    wwe.emit('interaction', { eventType: 'StatusChange', interaction: { ...ringing, state: 'TALKING' } });
    wwe.emit('markdone', { ...ringing, state: 'IDLE' });
    wwe.emit('interaction', { interactionId: 'chat-1', state: 'ACCEPTED' });
    expect(calls.map((call) => [call.id, call.state])).toEqual([
      ['wwe-1', 'Ringing'],
      ['wwe-1', 'Established'],
      ['wwe-1', 'Released'],
    ]);
  });

  it('logs and drops a malformed event', async () => {
    const { wwe, calls, log } = start();
    await settle();
    wwe.emit('interaction', { state: 'RINGING' });
    expect(calls).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('interaction event ignored'));
  });

  it('writes the found unique ID back into the interaction’s attached data, when asked to', async () => {
    const { wwe, tell } = start({ writeBackKey: 'UniphoreUniqueId' });
    await settle();
    wwe.emit('interaction', ringing);
    tell({ uniqueId: 'U-1' });
    tell({ callId: 'wwe-1', outcome: 'not-found', uniqueId: undefined });
    await settle();
    const writes = wwe.posted.filter((p) => p.message.request === 'interaction.setUserData');
    expect(writes.map((p) => p.message.parameters)).toEqual([['wwe-1', { UniphoreUniqueId: 'U-1' }]]);
  });

  it('shows a toast only while the widget is out of sight', async () => {
    const hidden = start({ toast: true, visible: false });
    const shown = start({ toast: true, visible: true });
    for (const { wwe, tell } of [hidden, shown]) {
      await settle();
      wwe.emit('interaction', ringing);
      tell({ uniqueId: 'U-1', caller: '+14155550100' });
    }
    await vi.waitFor(() => expect(hidden.requests()).toContain('system.popupToast'));
    await settle();
    expect(shown.requests()).not.toContain('system.popupToast');
    const toast = hidden.wwe.posted.find((p) => p.message.request === 'system.popupToast');
    expect(toast?.message.parameters).toEqual([{ title: 'History', message: 'found for +14155550100' }]);
  });

  it('keeps working when WWE refuses a service', async () => {
    const { wwe, calls, log, tell } = start({
      deny: ['interaction.getInteractions', 'interaction.setUserData'],
      writeBackKey: 'K',
    });
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith('WWE did not list its interactions', expect.anything()),
    );
    wwe.emit('interaction', ringing);
    tell({ uniqueId: 'U-1' });
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith(expect.stringContaining('attached data'), expect.anything()),
    );
    expect(calls).toHaveLength(1);
  });

  it('stops listening when stopped', async () => {
    const { wwe, calls, stop } = start();
    await settle();
    stop();
    wwe.emit('interaction', ringing);
    expect(calls).toEqual([]);
    expect(wwe.listeners.size).toBe(0);
  });
});
