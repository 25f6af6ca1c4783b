"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import type { getEndpoint, listEndpoints } from "@/lib/services/endpoints";
import { REFRESH_MS, toQueryString, type QueryParams } from "./sync";

export type EndpointListDto = Awaited<ReturnType<typeof listEndpoints>>;
export type EndpointDto = EndpointListDto["items"][number];
export type EndpointDetailDto = Awaited<ReturnType<typeof getEndpoint>>;

export const endpointKeys = {
  all: ["endpoints"] as const,
  list: (params: QueryParams) => [...endpointKeys.all, "list", params] as const,
  detail: (id: string) => [...endpointKeys.all, "detail", id] as const,
};

export function useEndpoints(params: QueryParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: endpointKeys.list(params),
    queryFn: ({ signal }) => apiFetch<EndpointListDto>(`/api/v1/endpoints${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.list,
    enabled: options.enabled,
  });
}

export function useEndpoint(id: string | null | undefined) {
  return useQuery({
    queryKey: endpointKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiFetch<EndpointDetailDto>(`/api/v1/endpoints/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
    refetchInterval: REFRESH_MS.list,
  });
}
