"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callApi, type QueryParams } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import type { ConfigurationPageDto } from "@/lib/schemas/configurations";
import { REFRESH_MS } from "./refresh";

export type { ConfigurationDetailDto, ConfigurationPageDto, ConfigurationReportDto } from "@/lib/schemas/configurations";
export type ConfigurationListItem = ConfigurationPageDto["items"][number];

export const configurationKeys = {
  all: ["configurations"] as const,
  list: (params: QueryParams) => [...configurationKeys.all, "list", params] as const,
  detail: (id: string) => [...configurationKeys.all, "detail", id] as const,
  report: (id: string) => [...configurationKeys.all, "report", id] as const,
};

export function useConfigurations(params: QueryParams) {
  return useQuery({
    queryKey: configurationKeys.list(params),
    queryFn: ({ signal }) => callApi(API.listConfigurations, { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.list,
  });
}

export function useConfiguration(id: string | null | undefined) {
  return useQuery({
    queryKey: configurationKeys.detail(id ?? ""),
    queryFn: ({ signal }) => callApi(API.getConfiguration, { params: { id: id! }, signal }),
    enabled: !!id,
    refetchInterval: REFRESH_MS.list,
  });
}

/** The vendor's own description, read live when the page opens (the server caches it for a minute). */
export function useConfigurationReport(id: string) {
  return useQuery({
    queryKey: configurationKeys.report(id),
    queryFn: ({ signal }) => callApi(API.configurationReport, { params: { id }, signal }),
    staleTime: 60_000,
    retry: false,
  });
}
