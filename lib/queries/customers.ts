"use client";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import type { listCustomers } from "@/lib/services/customers";
import { REFRESH_MS, toQueryString } from "./sync";

export type CustomerListDto = Awaited<ReturnType<typeof listCustomers>>;
export type CustomerDto = CustomerListDto["items"][number];

export const customerKeys = {
  all: ["customers"] as const,
  list: (params: { vendor?: string; connectionId?: string }) => [...customerKeys.all, "list", params] as const,
};

/** Customers for filters and name look-ups (up to 1,000, by name). */
export function useCustomers(params: { vendor?: string; connectionId?: string } = {}) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) => apiFetch<CustomerListDto>(`/api/v1/customers${toQueryString({ ...params, pageSize: 1000 })}`, { signal }),
    staleTime: REFRESH_MS.list,
    refetchInterval: 5 * REFRESH_MS.list,
  });
}
