"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import { connectionKeys } from "./connections";

export const demoKeys = { status: ["demo", "status"] as const };

export function useDemoStatus() {
  return useQuery({ queryKey: demoKeys.status, queryFn: ({ signal }) => callApi(API.demoStatus, { signal }) });
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
