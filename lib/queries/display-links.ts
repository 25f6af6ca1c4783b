"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";

export const displayLinkKeys = { all: ["display-links"] as const };

export function useDisplayLinks() {
  // Refreshed every 30 s: "last seen" is how an admin tells that a screen is alive.
  return useQuery({ queryKey: displayLinkKeys.all, queryFn: ({ signal }) => callApi(API.listDisplayLinks, { signal }), refetchInterval: 30_000 });
}

export function useSaveDisplayLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? { link: await callApi(API.updateDisplayLink, { params: { id }, body }), token: null, path: null } : callApi(API.createDisplayLink, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: displayLinkKeys.all }),
  });
}

export function useRevokeDisplayLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(API.revokeDisplayLink, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: displayLinkKeys.all }),
  });
}
