"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { connectionSchema } from "@/lib/schemas/connections";
import { connectionKeys } from "./connections";

const demoStatusSchema = z.object({ installed: z.boolean(), connections: z.array(connectionSchema) });

export const demoKeys = { status: ["demo", "status"] as const };

export function useDemoStatus() {
  return useQuery({ queryKey: demoKeys.status, queryFn: ({ signal }) => apiFetch("/api/v1/demo", { schema: demoStatusSchema, signal }) });
}

export function useDemoMutation(action: "install" | "remove") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch("/api/v1/demo", { method: action === "install" ? "POST" : "DELETE", schema: demoStatusSchema }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: demoKeys.status });
      void queryClient.invalidateQueries({ queryKey: connectionKeys.all });
    },
  });
}
