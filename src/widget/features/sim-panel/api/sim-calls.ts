// The embedded simulator's control API, reached through the proxy at /api/sim/* (simulator mode only).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlaceCallRequest, SimCall, SimCallList } from '../../../../shared/sim-control';
import * as sim from '../../../../shared/sim-control?validators';
import { request } from '../../../lib/http';
import { guard } from '../../../lib/schema';

const isSimCall = guard<SimCall>(sim.SimCall, 'SimCall');
const isSimCallList = guard<SimCallList>(sim.SimCallList, 'SimCallList');

export const placeCall = async (body: PlaceCallRequest) =>
  (await request('/api/sim/calls', isSimCall, { method: 'POST', body })).data;

export type CallAction = 'answer' | 'release';
export const actOnCall = async (callId: string, action: CallAction) =>
  (
    await request(`/api/sim/calls/${encodeURIComponent(callId)}/${action}`, isSimCall, {
      method: 'POST',
      body: {},
    })
  ).data;

export const simCallsQueryOptions = () =>
  queryOptions({
    queryKey: ['sim', 'calls'],
    queryFn: async ({ signal }) => (await request('/api/sim/calls', isSimCallList, { signal })).data.calls,
    refetchInterval: 2_000,
  });

export const useSimCalls = () => useQuery(simCallsQueryOptions());

export function usePlaceCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: placeCall,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sim', 'calls'] }),
  });
}

export function useCallAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, action }: { callId: string; action: CallAction }) => actOnCall(callId, action),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sim', 'calls'] }),
  });
}
