"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import type { DemoStatusDto } from "@/lib/schemas/system";
import { connectionKeys } from "./connections";

export const demoKeys = { status: ["demo", "status"] as const };

/** While the demo replays its past, the status is polled so the progress moves; once it is done every page refreshes. */
export function useDemoStatus() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: demoKeys.status,
    queryFn: async ({ signal }) => {
      const previous = queryClient.getQueryData<DemoStatusDto>(demoKeys.status);
      const status = await callApi(API.demoStatus, { signal });
      if (previous?.replay?.status === "running" && status.replay?.status === "done") {
        void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== demoKeys.status[0] });
      }
      return status;
    },
    refetchInterval: (query) => (query.state.data?.replay?.status === "running" ? 3_000 : false),
  });
}

export function useDemoMutation(action: "install" | "remove") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(action === "install" ? API.installDemo : API.removeDemo),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: demoKeys.status });
      void queryClient.invalidateQueries({ queryKey: connectionKeys.all });
    },
  });
}
