// Runtime settings from the proxy (`GET /api/config`): lookup order, history origin, timeouts.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WidgetConfig } from '../../../../shared/widget-config';
import { isWidgetConfig } from '../../../lib/contracts';
import { request } from '../../../lib/http';

export async function getConfig(signal?: AbortSignal): Promise<WidgetConfig> {
  return (await request('/api/config', isWidgetConfig, { signal })).data;
}

export const configQueryOptions = () =>
  queryOptions({ queryKey: ['config'], queryFn: ({ signal }) => getConfig(signal), staleTime: Infinity });

export const useConfigQuery = () => useQuery(configQueryOptions());
