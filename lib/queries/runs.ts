"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callApi, type QueryParams } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import { REFRESH_MS } from "./refresh";

export type { RunDetailDto, RunDto, RunGridDto, RunPageDto, RunReportDto } from "@/lib/schemas/runs";

export const runKeys = {
  all: ["runs"] as const,
  list: (params: QueryParams) => [...runKeys.all, "list", params] as const,
  grid: (params: QueryParams) => [...runKeys.all, "grid", params] as const,
  detail: (id: string) => [...runKeys.all, "detail", id] as const,
  report: (id: string) => [...runKeys.all, "report", id] as const,
};

export function useRuns(params: QueryParams) {
  return useQuery({
    queryKey: runKeys.list(params),
    queryFn: ({ signal }) => callApi(API.listRuns, { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.list,
  });
}

export function useRunGrid(params: QueryParams, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: runKeys.grid(params),
    queryFn: ({ signal }) => callApi(API.runGrid, { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.list,
  });
}

export function useRun(id: string) {
  return useQuery({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => callApi(API.getRun, { params: { id }, signal }),
    // A running run changes; a finished one does not.
    refetchInterval: (query) => (query.state.data?.status === "running" ? REFRESH_MS.live : false),
  });
}

/** The vendor's report, read live when the run is opened (the server caches it for a minute); again while it runs. */
export function useRunReport(id: string, running: boolean) {
  return useQuery({
    queryKey: runKeys.report(id),
    queryFn: ({ signal }) => callApi(API.runReport, { params: { id }, signal }),
    staleTime: 60_000,
    retry: false,
    refetchInterval: running ? 60_000 : false,
  });
}
