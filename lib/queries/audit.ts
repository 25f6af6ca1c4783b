"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api/client";

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.unknown().nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventSchema>;

const pageSchema = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() });

export type AuditFilters = Partial<Record<"action" | "actor" | "outcome" | "from" | "to", string>>;

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
};

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch(`/api/v1/audit?${params}`, { schema: pageSchema, signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
