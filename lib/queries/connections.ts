"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { connectionSchema, type ConnectionDto } from "@/lib/schemas/connections";

export const connectionKeys = {
  all: ["connections"] as const,
  list: () => [...connectionKeys.all, "list"] as const,
};

export function useConnections() {
  return useQuery({
    queryKey: connectionKeys.list(),
    queryFn: ({ signal }) => apiFetch("/api/v1/connections", { schema: z.array(connectionSchema), signal }),
  });
}

export function useSaveConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      apiFetch<ConnectionDto>(id ? `/api/v1/connections/${id}` : "/api/v1/connections", {
        method: id ? "PATCH" : "POST",
        body,
        schema: connectionSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionKeys.all }),
  });
}

export function useDeleteConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/connections/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionKeys.all }),
  });
}

const testResultSchema = z.object({
  ok: z.boolean(),
  summary: z.string().optional(),
  message: z.string().optional(),
  kind: z.string().optional(),
  durationMs: z.number(),
});
export type ConnectionTestResult = z.infer<typeof testResultSchema>;

export function useTestConnection() {
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/connections/${id}/test`, { method: "POST", schema: testResultSchema }),
  });
}

export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/connections/${id}/sync`, { method: "POST" }),
    // The sync runs in the background; refresh the list a few times so its outcome shows up.
    onSuccess: () => {
      for (const delay of [1500, 5000, 15000]) setTimeout(() => void queryClient.invalidateQueries({ queryKey: connectionKeys.all }), delay);
    },
  });
}
