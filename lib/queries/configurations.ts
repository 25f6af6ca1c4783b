"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import type { getConfiguration, listConfigurations } from "@/lib/services/configurations";
import { REFRESH_MS, toQueryString, type QueryParams } from "./sync";

export type ConfigurationListDto = Awaited<ReturnType<typeof listConfigurations>>;
export type ConfigurationListItem = ConfigurationListDto["items"][number];
export type ConfigurationDetailDto = Awaited<ReturnType<typeof getConfiguration>>;

export const configurationKeys = {
  all: ["configurations"] as const,
  list: (params: QueryParams) => [...configurationKeys.all, "list", params] as const,
  detail: (id: string) => [...configurationKeys.all, "detail", id] as const,
};

export function useConfigurations(params: QueryParams) {
  return useQuery({
    queryKey: configurationKeys.list(params),
    queryFn: ({ signal }) => apiFetch<ConfigurationListDto>(`/api/v1/configurations${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.list,
  });
}

export function useConfiguration(id: string | null | undefined) {
  return useQuery({
    queryKey: configurationKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiFetch<ConfigurationDetailDto>(`/api/v1/configurations/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
    refetchInterval: REFRESH_MS.list,
  });
}
