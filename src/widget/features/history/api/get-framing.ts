// Whether the history origin lets this widget frame its pages (asked of the proxy, which reads the
// page's X-Frame-Options / CSP frame-ancestors: a refused cross-origin frame cannot be detected here).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { isFramingVerdict } from '../../../lib/contracts';
import { request } from '../../../lib/http';

export async function getFraming(historyUrl: string, signal?: AbortSignal): Promise<boolean> {
  const { data } = await request(
    `/api/history/framing?url=${encodeURIComponent(historyUrl)}`,
    isFramingVerdict,
    {
      signal,
    },
  );
  return data.frameable;
}

export const framingQueryOptions = (historyUrl: string) =>
  queryOptions({
    // One answer per page origin is enough: framing policy is set per site.
    queryKey: ['history-framing', new URL(historyUrl).origin] as const,
    queryFn: ({ signal }) => getFraming(historyUrl, signal),
    staleTime: 5 * 60_000,
    retry: 1,
  });

export const useFramingQuery = (historyUrl: string | null) =>
  useQuery({ ...framingQueryOptions(historyUrl ?? 'about:blank'), enabled: historyUrl !== null });
