"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callApi, type QueryParams } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import { REFRESH_MS } from "./refresh";

export type { EndpointDetailDto, EndpointDto, EndpointPageDto } from "@/lib/schemas/endpoints";

export const endpointKeys = {
  all: ["endpoints"] as const,
  list: (params: QueryParams) => [...endpointKeys.all, "list", params] as const,
  detail: (id: string) => [...endpointKeys.all, "detail", id] as const,
};

export function useEndpoints(params: QueryParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: endpointKeys.list(params),
    queryFn: ({ signal }) => callApi(API.listEndpoints, { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.list,
    enabled: options.enabled,
  });
}

export function useEndpoint(id: string | null | undefined) {
  return useQuery({
    queryKey: endpointKeys.detail(id ?? ""),
    queryFn: ({ signal }) => callApi(API.getEndpoint, { params: { id: id! }, signal }),
    enabled: !!id,
    refetchInterval: REFRESH_MS.list,
  });
}
