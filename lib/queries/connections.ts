"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";

export type { ConnectionTestDto as ConnectionTestResult } from "@/lib/schemas/sync";

export const connectionKeys = {
  all: ["connections"] as const,
  list: () => [...connectionKeys.all, "list"] as const,
};

export function useConnections() {
  return useQuery({ queryKey: connectionKeys.list(), queryFn: ({ signal }) => callApi(API.listConnections, { signal }) });
}

export function useSaveConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? callApi(API.updateConnection, { params: { id }, body }) : callApi(API.createConnection, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionKeys.all }),
  });
}

export function useDeleteConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(API.deleteConnection, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionKeys.all }),
  });
}

export function useTestConnection() {
  return useMutation({ mutationFn: (id: string) => callApi(API.testConnection, { params: { id } }) });
}

export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(API.syncConnection, { params: { id } }),
    // The sync runs in the background; refresh the list a few times so its outcome shows up.
    onSuccess: () => {
      for (const delay of [1500, 5000, 15000]) setTimeout(() => void queryClient.invalidateQueries({ queryKey: connectionKeys.all }), delay);
    },
  });
}
