"use client";
// The Public API admin page's data: the switch, keys, bindings, the usage log, datasets and widgets.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import type { AddBindingsInput, CreateResourceInput, ResourceKind, ResourceListQuery } from "@/lib/schemas/public-api";

export const publicApiKeys = {
  all: ["public-api"] as const,
  settings: () => [...publicApiKeys.all, "settings"] as const,
  keys: () => [...publicApiKeys.all, "keys"] as const,
  bindings: (keyId: string) => [...publicApiKeys.all, "bindings", keyId] as const,
  usage: (keyId: string, page: number) => [...publicApiKeys.all, "usage", keyId, page] as const,
  resources: (query: Partial<ResourceListQuery>) => [...publicApiKeys.all, "resources", query] as const,
  resource: (id: string) => [...publicApiKeys.all, "resource", id] as const,
  preview: (id: string, keyId?: string) => [...publicApiKeys.all, "preview", id, keyId ?? ""] as const,
  sources: () => [...publicApiKeys.all, "sources"] as const,
};

export function usePublicApiSettings() {
  return useQuery({ queryKey: publicApiKeys.settings(), queryFn: ({ signal }) => callApi(API.publicApiSettings, { signal }) });
}

export function useSetPublicApiEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => callApi(API.updatePublicApiSettings, { body: { enabled } }),
    onSuccess: (data) => queryClient.setQueryData(publicApiKeys.settings(), data),
  });
}

export function useApiKeys() {
  return useQuery({ queryKey: publicApiKeys.keys(), queryFn: ({ signal }) => callApi(API.listPublicApiKeys, { signal }) });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => callApi(API.createPublicApiKey, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.keys() }),
  });
}

export function useUpdateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => callApi(API.updatePublicApiKey, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}

export function useDeleteApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(API.deletePublicApiKey, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}

export function useBindings(keyId: string | undefined) {
  return useQuery({
    queryKey: publicApiKeys.bindings(keyId ?? ""),
    queryFn: ({ signal }) => callApi(API.listPublicApiBindings, { params: { id: keyId ?? "" }, signal }),
    enabled: !!keyId,
  });
}

export function useAddBindings(keyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddBindingsInput) => callApi(API.addPublicApiBindings, { params: { id: keyId }, body }),
    onSuccess: (data) => {
      queryClient.setQueryData(publicApiKeys.bindings(keyId), data);
      void queryClient.invalidateQueries({ queryKey: publicApiKeys.keys() });
    },
  });
}

export function useRemoveBinding(keyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, resourceId }: { kind: ResourceKind; resourceId: string }) => callApi(API.removePublicApiBinding, { params: { id: keyId, kind, resourceId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}

export function useKeyUsage(keyId: string | undefined, page: number) {
  return useQuery({
    queryKey: publicApiKeys.usage(keyId ?? "", page),
    queryFn: ({ signal }) => callApi(API.publicApiKeyUsage, { params: { id: keyId ?? "" }, query: { page, pageSize: 20 }, signal }),
    enabled: !!keyId,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useResources(query: Partial<ResourceListQuery>, enabled = true) {
  return useQuery({
    queryKey: publicApiKeys.resources(query),
    queryFn: ({ signal }) => callApi(API.listPublicApiResources, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useResourcePreview(id: string, keyId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: publicApiKeys.preview(id, keyId),
    queryFn: ({ signal }) => callApi(API.previewPublicApiResource, { params: { id }, query: { keyId, size: 3 }, signal }),
    enabled,
  });
}

export function useSources() {
  return useQuery({ queryKey: publicApiKeys.sources(), queryFn: ({ signal }) => callApi(API.publicApiSources, { signal }), staleTime: Infinity });
}

export function useSaveResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateResourceInput | Record<string, unknown> }) =>
      (id ? callApi(API.updatePublicApiResource, { params: { id }, body }) : callApi(API.createPublicApiResource, { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}

export function useDeleteResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(API.deletePublicApiResource, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}
