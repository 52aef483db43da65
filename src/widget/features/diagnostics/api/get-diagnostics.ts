// The proxy's side of the checks: GET /api/diagnostics (who the proxy takes us for; the deployment for
// admins), the framing check of the history site, GWS's session roles, and an admin's test lookup.
import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  DIAGNOSTICS_PATH,
  type DiagnosticsAnswer,
  type DiagnosticsLookup,
} from '../../../../shared/diagnostics';
import * as diagnostics from '../../../../shared/diagnostics?validators';
import type { Attribute } from '../../../../shared/lookup-constants';
import { isFramingVerdict } from '../../../lib/contracts';
import { HttpError, request } from '../../../lib/http';
import { anything, guard } from '../../../lib/schema';

const isAnswer = guard<DiagnosticsAnswer>(diagnostics.DiagnosticsAnswer, 'diagnostics');
const isLookup = guard<DiagnosticsLookup>(diagnostics.DiagnosticsLookup, 'diagnostics lookup');

const problemCode = (error: unknown) =>
  error instanceof HttpError ? (error.code ?? `http_${error.status}`) : 'network_error';

export async function getDiagnostics(): Promise<{ answer: DiagnosticsAnswer } | { error: string }> {
  try {
    return { answer: (await request(DIAGNOSTICS_PATH, isAnswer)).data };
  } catch (error) {
    return { error: problemCode(error) };
  }
}

export const diagnosticsQueryOptions = () =>
  queryOptions({ queryKey: ['diagnostics'], queryFn: getDiagnostics, staleTime: 0 });
/**
 * Asked once the widget has its session, and again every 2 s while the proxy refuses: the desktop's
 * token may come a moment later (the WWE source asks for it once it has loaded).
 */
export const useDiagnosticsQuery = (enabled: boolean) =>
  useQuery({
    ...diagnosticsQueryOptions(),
    enabled,
    refetchInterval: (query) => (query.state.data && 'error' in query.state.data ? 2_000 : false),
  });

/** The roles GWS's session holds, or null without a GWS session here. */
export async function getGwsRoles(): Promise<string[] | null> {
  try {
    const { data } = await request('/api/v2/me', anything);
    const roles = (data as { user?: { roles?: unknown } } | undefined)?.user?.roles;
    return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
  } catch {
    return null;
  }
}
export const useGwsRolesQuery = (enabled: boolean) =>
  useQuery({ queryKey: ['diagnostics', 'gws-roles'], queryFn: getGwsRoles, enabled });

/** Whether the history site lets this widget frame its pages (null until asked). */
export const useFramingCheck = (sampleUrl: string | undefined) =>
  useQuery({
    queryKey: ['diagnostics', 'framing', sampleUrl],
    enabled: sampleUrl !== undefined,
    queryFn: async () =>
      (await request(`/api/history/framing?url=${encodeURIComponent(sampleUrl ?? '')}`, isFramingVerdict))
        .data.frameable,
  });

export async function testLookup(
  attribute: Attribute,
  value: string,
): Promise<DiagnosticsLookup | { error: string }> {
  try {
    const path = `${DIAGNOSTICS_PATH}/lookup/${attribute}/${encodeURIComponent(value)}`;
    return (await request(path, isLookup)).data;
  } catch (error) {
    return { error: problemCode(error) };
  }
}
