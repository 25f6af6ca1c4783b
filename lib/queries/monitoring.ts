"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import type { MonitoringDto } from "@/lib/schemas/monitoring";
import { REFRESH_MS } from "./refresh";

export type { MonitoringDto } from "@/lib/schemas/monitoring";
export type MonitoringItem = MonitoringDto["items"][number];
export type MonitoringParams = { vendor?: string; customerId?: string; limit?: number };

export const monitoringKeys = {
  all: ["monitoring"] as const,
  overview: (params: MonitoringParams) => [...monitoringKeys.all, params] as const,
};

export function useMonitoring(params: MonitoringParams = {}) {
  return useQuery({
    queryKey: monitoringKeys.overview(params),
    queryFn: ({ signal }) => callApi(API.monitoring, { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.live,
  });
}
