"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import type { getRun, listRuns, runGrid } from "@/lib/services/runs";
import { REFRESH_MS, toQueryString, type QueryParams } from "./sync";

export type RunListDto = Awaited<ReturnType<typeof listRuns>>;
export type RunDto = RunListDto["items"][number];
export type RunDetailDto = Awaited<ReturnType<typeof getRun>>;
export type RunGridDto = Awaited<ReturnType<typeof runGrid>>;

export const runKeys = {
  all: ["runs"] as const,
  list: (params: QueryParams) => [...runKeys.all, "list", params] as const,
  grid: (params: QueryParams) => [...runKeys.all, "grid", params] as const,
  detail: (id: string) => [...runKeys.all, "detail", id] as const,
};

export function useRuns(params: QueryParams) {
  return useQuery({
    queryKey: runKeys.list(params),
    queryFn: ({ signal }) => apiFetch<RunListDto>(`/api/v1/runs${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.list,
  });
}

export function useRunGrid(params: QueryParams) {
  return useQuery({
    queryKey: runKeys.grid(params),
    queryFn: ({ signal }) => apiFetch<RunGridDto>(`/api/v1/runs/grid${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.list,
  });
}

export function useRun(id: string) {
  return useQuery({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<RunDetailDto>(`/api/v1/runs/${encodeURIComponent(id)}`, { signal }),
    // A running run changes; a finished one does not.
    refetchInterval: (query) => (query.state.data?.status === "running" ? REFRESH_MS.live : false),
  });
}
