"use client";
// The Public API admin page's data: the switch, keys, bindings, the usage log, datasets and widgets.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import {
  bindingSchema,
  createdKeySchema,
  keySchema,
  publicPageSchema,
  resourcePageSchema,
  resourceSchema,
  settingsSchema,
  sourceSchema,
  usagePageSchema,
  type AddBindingsInput,
  type CreateResourceInput,
  type ResourceKind,
  type ResourceListQuery,
} from "@/lib/schemas/public-api";
import { toQueryString } from "./sync";

const BASE = "/api/v1/public-api";

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
  return useQuery({ queryKey: publicApiKeys.settings(), queryFn: ({ signal }) => apiFetch(`${BASE}/settings`, { schema: settingsSchema, signal }) });
}

export function useSetPublicApiEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => apiFetch(`${BASE}/settings`, { method: "PUT", body: { enabled }, schema: settingsSchema }),
    onSuccess: (data) => queryClient.setQueryData(publicApiKeys.settings(), data),
  });
}

export function useApiKeys() {
  return useQuery({ queryKey: publicApiKeys.keys(), queryFn: ({ signal }) => apiFetch(`${BASE}/keys`, { schema: z.array(keySchema), signal }) });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch(`${BASE}/keys`, { method: "POST", body, schema: createdKeySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.keys() }),
  });
}

export function useUpdateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => apiFetch(`${BASE}/keys/${id}`, { method: "PATCH", body, schema: keySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}

export function useDeleteApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`${BASE}/keys/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}

export function useBindings(keyId: string | undefined) {
  return useQuery({
    queryKey: publicApiKeys.bindings(keyId ?? ""),
    queryFn: ({ signal }) => apiFetch(`${BASE}/keys/${keyId}/bindings`, { schema: z.array(bindingSchema), signal }),
    enabled: !!keyId,
  });
}

export function useAddBindings(keyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddBindingsInput) => apiFetch(`${BASE}/keys/${keyId}/bindings`, { method: "POST", body, schema: z.array(bindingSchema) }),
    onSuccess: (data) => {
      queryClient.setQueryData(publicApiKeys.bindings(keyId), data);
      void queryClient.invalidateQueries({ queryKey: publicApiKeys.keys() });
    },
  });
}

export function useRemoveBinding(keyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, resourceId }: { kind: ResourceKind; resourceId: string }) => apiFetch(`${BASE}/keys/${keyId}/bindings/${kind}/${resourceId}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}

export function useKeyUsage(keyId: string | undefined, page: number) {
  return useQuery({
    queryKey: publicApiKeys.usage(keyId ?? "", page),
    queryFn: ({ signal }) => apiFetch(`${BASE}/keys/${keyId}/usage${toQueryString({ page, pageSize: 20 })}`, { schema: usagePageSchema, signal }),
    enabled: !!keyId,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useResources(query: Partial<ResourceListQuery>, enabled = true) {
  return useQuery({
    queryKey: publicApiKeys.resources(query),
    queryFn: ({ signal }) => apiFetch(`${BASE}/resources${toQueryString(query)}`, { schema: resourcePageSchema, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useResourcePreview(id: string, keyId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: publicApiKeys.preview(id, keyId),
    queryFn: ({ signal }) => apiFetch(`${BASE}/resources/${id}/preview${toQueryString({ keyId, size: 3 })}`, { schema: publicPageSchema, signal }),
    enabled,
  });
}

export function useSources() {
  return useQuery({ queryKey: publicApiKeys.sources(), queryFn: ({ signal }) => apiFetch(`${BASE}/sources`, { schema: z.array(sourceSchema), signal }), staleTime: Infinity });
}

export function useSaveResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateResourceInput | Record<string, unknown> }) =>
      apiFetch(id ? `${BASE}/resources/${id}` : `${BASE}/resources`, { method: id ? "PATCH" : "POST", body, schema: resourceSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}

export function useDeleteResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`${BASE}/resources/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicApiKeys.all }),
  });
}
