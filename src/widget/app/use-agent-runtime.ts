import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { WidgetConfig } from '../../shared/widget-config';
import { AgentRuntime, type AgentRuntimeOptions } from './agent-runtime';
import type { AgentMode, Host } from './mode';

export function useAgentRuntime(
  config: WidgetConfig | undefined,
  mode: AgentMode,
  host: Host,
  /** The diagnostics view watches the CometD client it hands in. */
  createCometD?: AgentRuntimeOptions['createCometD'],
) {
  const queryClient = useQueryClient();
  const [runtime, setRuntime] = useState<AgentRuntime | null>(null);

  useEffect(() => {
    if (!config) return;
    const created = new AgentRuntime({ config, queryClient, mode, host, createCometD });
    setRuntime(created);
    created.start().catch((error) => console.warn('[uhw] start failed', error));
    return () => {
      void created.stop();
    };
  }, [config, queryClient, mode, host, createCometD]);

  const signIn = useCallback(
    (username: string, password: string) => {
      runtime?.start({ username, password }).catch((error) => console.warn('[uhw] sign-in failed', error));
    },
    [runtime],
  );
  const retry = useCallback((callId: string) => runtime?.engine.retry(callId), [runtime]);
  const signOut = useCallback(() => void runtime?.signOut(), [runtime]);

  return { runtime, signIn, retry, signOut };
}
