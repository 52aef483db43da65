// Embedded mode: calls and theme from the host page, outcomes back to it; `?callId=` pops one call.
import { useEffect } from 'react';
import type { WidgetConfig } from '../../../shared/widget-config';
import type { AgentRuntime } from '../../app/agent-runtime';
import { type Pop, popResolution } from '../calls/store/pops-store';
import { connectHost } from './host-channel';
import { parseOriginRules } from './origins';

const log = (message: string) => console.warn(`[uhw] ${message}`);

export function applyTheme(theme: string | null): void {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

export function useHostEmbedding(runtime: AgentRuntime | null, config: WidgetConfig): void {
  useEffect(() => {
    if (!runtime) return;
    const params = new URLSearchParams(window.location.search);
    applyTheme(params.get('theme'));
    const callId = params.get('callId');
    if (callId && callId.length <= 256) {
      void runtime.handleHostCall({
        id: callId,
        ani: params.get('ani') ?? undefined,
        dnis: params.get('dnis') ?? undefined,
        type: params.get('type') ?? undefined,
      });
    }

    const rules = parseOriginRules(config.frameAncestors, window.location.origin);
    const host = connectHost(window, rules, {
      onCall: (call) => void runtime.handleHostCall(call),
      onTheme: (theme) => applyTheme(theme),
      log,
    });
    if (!host) return;
    const onSettled = (pop: Pop) => {
      const resolution = popResolution(pop);
      if (resolution.kind === 'found' && resolution.attempt.uniqueId && resolution.attempt.historyUrl) {
        host.post({
          type: 'uhw:popped',
          callId: pop.callId,
          uniqueId: resolution.attempt.uniqueId,
          historyUrl: resolution.attempt.historyUrl,
        });
      } else {
        const code =
          resolution.kind === 'error' ? (resolution.attempt.errorCode ?? 'upstream_error') : 'not_found';
        host.post({ type: 'uhw:error', callId: pop.callId, code });
      }
    };
    runtime.settled.add(onSettled);
    // Ready means ready to pop: GWS publishes to us, so a call posted now pops with its UCS id.
    void runtime.ready.then(() => host.post({ type: 'uhw:ready' }));
    return () => {
      runtime.settled.delete(onSettled);
      host.dispose();
    };
  }, [runtime, config]);
}
