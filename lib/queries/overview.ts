"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import { REFRESH_MS } from "./refresh";

export type { OverviewDto } from "@/lib/schemas/overview";

export const overviewKeys = { all: ["overview"] as const };

export function useOverview() {
  return useQuery({
    queryKey: overviewKeys.all,
    queryFn: ({ signal }) => callApi(API.overview, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS.live,
  });
}
