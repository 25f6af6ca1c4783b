"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";

export type { AuditEventDto } from "@/lib/schemas/audit";

export type AuditFilters = Partial<Record<"action" | "actor" | "outcome" | "from" | "to", string>>;

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
};

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => callApi(API.audit, { query: { ...filters, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
