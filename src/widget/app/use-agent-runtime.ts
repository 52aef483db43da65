import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { WidgetConfig } from '../../shared/widget-config';
import { AgentRuntime } from './agent-runtime';
import type { Host, Mode } from './mode';

export function useAgentRuntime(
  config: WidgetConfig | undefined,
  mode: Exclude<Mode, 'supervisor'>,
  host: Host,
) {
  const queryClient = useQueryClient();
  const [runtime, setRuntime] = useState<AgentRuntime | null>(null);

  useEffect(() => {
    if (!config) return;
    const created = new AgentRuntime({ config, queryClient, mode, host });
    setRuntime(created);
    created.start().catch((error) => console.warn('[uhw] start failed', error));
    return () => {
      void created.stop();
    };
  }, [config, queryClient, mode, host]);

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
