"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callApi, toQueryString, type QueryParams } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import type { UsageReportDto } from "@/lib/schemas/usage";
import { REFRESH_MS } from "./refresh";

export type { UsageReportDto, UsageTrendDto } from "@/lib/schemas/usage";
export type UsageItem = UsageReportDto["items"][number];

export const usageKeys = {
  all: ["usage"] as const,
  report: (params: QueryParams) => [...usageKeys.all, "report", params] as const,
  trend: (params: QueryParams) => [...usageKeys.all, "trend", params] as const,
};

/** The usage report's URL; `format: "csv"` is the download. */
export function usageUrl(params: QueryParams): string {
  return `${API.usage.path}${toQueryString(params)}`;
}

/** The billing page folds and sorts rows itself, so it takes the largest ones the API gives in one page (1,000). */
export const USAGE_ROWS_LIMIT = 1000;

export function useUsage(params: QueryParams, options: { enabled?: boolean } = {}) {
  const paged = { ...params, pageSize: USAGE_ROWS_LIMIT };
  return useQuery({
    queryKey: usageKeys.report(paged),
    queryFn: ({ signal }) => callApi(API.usage, { query: paged, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 5 * REFRESH_MS.list,
    enabled: options.enabled,
  });
}

export function useUsageTrend(params: QueryParams = {}) {
  return useQuery({
    queryKey: usageKeys.trend(params),
    queryFn: ({ signal }) => callApi(API.usageTrend, { query: params, signal }),
    refetchInterval: 5 * REFRESH_MS.list,
  });
}
