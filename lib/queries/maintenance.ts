"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import { monitoringKeys } from "./monitoring";

export type { MaintenanceWindowDto, PlannedItem } from "@/lib/schemas/maintenance";

export const maintenanceKeys = {
  all: ["maintenance-windows"] as const,
  list: (params: { targetType?: string; targetId?: string }) => [...maintenanceKeys.all, params] as const,
};

export function useMaintenanceWindows(params: { targetType?: "customer" | "endpoint"; targetId?: string } = {}) {
  return useQuery({ queryKey: maintenanceKeys.list(params), queryFn: ({ signal }) => callApi(API.listMaintenanceWindows, { query: params, signal }), refetchInterval: 60_000 });
}

/** Snoozing or ending changes what the queue counts: both refresh it at once. */
function useRefreshAfter() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: maintenanceKeys.all }), queryClient.invalidateQueries({ queryKey: monitoringKeys.all })]);
}

export function useCreateMaintenanceWindow() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: { targetType: "customer" | "endpoint"; targetId: string; reason: string; endsAt: string; startsAt?: string }) => callApi(API.createMaintenanceWindow, { body }),
    onSuccess: refresh,
  });
}

export function useEndMaintenanceWindow() {
  const refresh = useRefreshAfter();
  return useMutation({ mutationFn: (id: string) => callApi(API.endMaintenanceWindow, { params: { id } }), onSuccess: refresh });
}
