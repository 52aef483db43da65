// The proxy's lookup route: the Uniphore unique ID for one caller attribute. "Not found" is an answer,
// not an error; every other failure is an HttpError carrying the problem+json `code`.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UniqueIdFound } from '../../../../shared/lookup-api';
import { type Attribute, uniqueIdPath } from '../../../../shared/lookup-constants';
import { isUniqueIdFound } from '../../../lib/contracts';
import { HttpError, request } from '../../../lib/http';

export type UniqueIdResult = { kind: 'found'; found: UniqueIdFound } | { kind: 'not-found' };

export async function getUniqueId(
  attribute: Attribute,
  value: string,
  signal?: AbortSignal,
): Promise<UniqueIdResult> {
  try {
    const { data } = await request(uniqueIdPath(attribute, value), isUniqueIdFound, { signal });
    return { kind: 'found', found: data };
  } catch (error) {
    if (error instanceof HttpError && error.status === 404 && error.code === 'not_found')
      return { kind: 'not-found' };
    throw error;
  }
}

/** Retry only what may heal by itself: a timeout or an unreachable upstream, twice, with backoff. */
export function shouldRetryLookup(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  return (
    error instanceof HttpError && (error.code === 'upstream_timeout' || error.code === 'upstream_unreachable')
  );
}

export const uniqueIdQueryOptions = (attribute: Attribute, value: string) =>
  queryOptions({
    queryKey: ['unique-id', attribute, value] as const,
    queryFn: ({ signal }) => getUniqueId(attribute, value, signal),
    // Each pop asks afresh (a new Interact session may have appeared); concurrent asks share one request.
    staleTime: 0,
    gcTime: 60_000,
    retry: shouldRetryLookup,
    retryDelay: (attempt) => Math.min(250 * 2 ** attempt, 2_000),
  });

export function useUniqueIdQuery(attribute: Attribute | undefined, value: string | undefined) {
  return useQuery({
    ...uniqueIdQueryOptions(attribute ?? 'historySearchId', value ?? ''),
    enabled: Boolean(attribute && value),
  });
}
