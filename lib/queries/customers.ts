"use client";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import { REFRESH_MS } from "./refresh";

export type { CustomerDto } from "@/lib/schemas/customers";

export const customerKeys = {
  all: ["customers"] as const,
  list: (params: { vendor?: string; connectionId?: string }) => [...customerKeys.all, "list", params] as const,
};

/** Customers for filters and name look-ups (up to 1,000, by name). */
export function useCustomers(params: { vendor?: string; connectionId?: string } = {}) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) => callApi(API.listCustomers, { query: { ...params, pageSize: 1000 }, signal }),
    staleTime: REFRESH_MS.list,
    refetchInterval: 5 * REFRESH_MS.list,
  });
}
