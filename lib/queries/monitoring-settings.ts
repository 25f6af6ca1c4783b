"use client";
// The missed-run grace and the overdue window (admins change them).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";

const key = ["settings", "monitoring"] as const;

export function useMonitoringSettings() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => callApi(API.getMonitoringSettings, { signal }) });
}

export function useSaveMonitoringSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { missedGraceMinutes?: number; overdueWindowHours?: number }) => callApi(API.updateMonitoringSettings, { body }),
    onSuccess: (settings) => queryClient.setQueryData(key, settings),
  });
}
