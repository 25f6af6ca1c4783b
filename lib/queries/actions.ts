"use client";
// Actions from the browser: what can be done to an object, asking for it (with an Idempotency-Key chosen once
// per request, so a double click or a retried request never starts two backups), following it live, the feed.
import { useMutation, useQuery, useQueryClient, keepPreviousData } from "@tanstack/react-query";
import { callApi, type QueryParams } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import type { ActionDto, CreateActionInput } from "@/lib/schemas/actions";
import type { BulkRunDto, CreateBulkRunInput } from "@/lib/schemas/bulk-actions";
import { configurationKeys } from "./configurations";
import { endpointKeys } from "./endpoints";
import { runKeys } from "./runs";

export type { ActionDto, CapabilityDto, CreateActionInput } from "@/lib/schemas/actions";

export const actionKeys = {
  all: ["actions"] as const,
  capabilities: (kind: string, id: string) => [...actionKeys.all, "capabilities", kind, id] as const,
  detail: (id: string) => [...actionKeys.all, "detail", id] as const,
  feed: (params: QueryParams) => [...actionKeys.all, "feed", params] as const,
  restorePoints: (configurationId: string) => [...actionKeys.all, "restore-points", configurationId] as const,
  plan: (configurationId: string) => [...actionKeys.all, "plan", configurationId] as const,
};

/** A plan's settings as its vendor holds them now, read afresh each time the edit form opens. */
export function useBackupPlan(configurationId: string, enabled: boolean) {
  return useQuery({
    queryKey: actionKeys.plan(configurationId),
    queryFn: ({ signal }) => callApi(API.backupPlan, { params: { id: configurationId }, signal }),
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

export function useCapabilities(kind: "configuration" | "endpoint" | "run", id: string, enabled = true) {
  return useQuery({
    queryKey: actionKeys.capabilities(kind, id),
    queryFn: ({ signal }) => callApi(API.capabilities, { query: { kind, id }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** Asks for an action; the caller passes the key it made when the person asked (one per click, not per retry). */
export function useCreateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateActionInput; key: string }) => callApi(API.createAction, { body: input, headers: { "Idempotency-Key": key } }),
    onSuccess: (action) => {
      queryClient.setQueryData(actionKeys.detail(action.id), action);
      void queryClient.invalidateQueries({ queryKey: actionKeys.all });
      void queryClient.invalidateQueries({ queryKey: runKeys.all });
      void queryClient.invalidateQueries({ queryKey: configurationKeys.all });
      void queryClient.invalidateQueries({ queryKey: endpointKeys.all });
    },
  });
}

const isOpen = (action: ActionDto | undefined) => action?.state === "sending" || action?.state === "running" || action?.state === "unknown";

/**
 * One action, followed while it is open: every 2 s at first, backing off to 30 s as it runs on, and not at all
 * once it has ended (the server reads the vendor at most every few seconds whoever asks).
 */
export function useAction(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: actionKeys.detail(id ?? ""),
    queryFn: async ({ signal }) => {
      const action = await callApi(API.getAction, { params: { id: id! }, signal });
      if (!isOpen(action)) {
        void queryClient.invalidateQueries({ queryKey: runKeys.all });
        void queryClient.invalidateQueries({ queryKey: configurationKeys.all });
      }
      return action;
    },
    enabled: !!id,
    refetchInterval: (query) => {
      const action = query.state.data;
      if (!isOpen(action)) return false;
      return Math.min(30_000, 2_000 * 2 ** Math.min(4, Math.floor(query.state.dataUpdateCount / 3)));
    },
  });
}

export function useActionsFeed(params: QueryParams) {
  return useQuery({
    queryKey: actionKeys.feed(params),
    queryFn: ({ signal }) => callApi(API.listActions, { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isOpen) ? 5_000 : 30_000),
  });
}

export function useRestorePoints(configurationId: string | null) {
  return useQuery({
    queryKey: actionKeys.restorePoints(configurationId ?? ""),
    queryFn: ({ signal }) => callApi(API.restorePoints, { params: { id: configurationId! }, signal }),
    enabled: !!configurationId,
    retry: false,
  });
}

/** A new Idempotency-Key, made when the person asks (a click), kept for any retry of that request. */
export function newActionKey(): string {
  return crypto.randomUUID();
}

/** What a bulk action of a customer would act on; read when the preview opens, never cached across openings. */
export function useBulkTargets(customerId: string, type: "backup.start" | "agent.wake", enabled: boolean) {
  return useQuery({
    queryKey: [...actionKeys.all, "bulk-targets", customerId, type] as const,
    queryFn: ({ signal }) => callApi(API.bulkActionTargets, { query: { customerId, type }, signal }),
    enabled,
    gcTime: 0,
    staleTime: 0,
  });
}

/** Starts a bulk run on the server with the key made when the person confirmed (a retried request reuses it). */
export function useCreateBulkRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateBulkRunInput; key: string }) => callApi(API.createBulkRun, { body: input, headers: { "Idempotency-Key": key } }),
    onSuccess: (run) => {
      queryClient.setQueryData([...actionKeys.all, "bulk", run.id], run);
      void queryClient.invalidateQueries({ queryKey: actionKeys.all });
    },
  });
}

/** A bulk run, followed every 2 s while a target is still waiting or its action is open. */
export function useBulkRun(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...actionKeys.all, "bulk", id ?? ""],
    queryFn: async ({ signal }) => {
      const run = await callApi(API.getBulkRun, { params: { id: id! }, signal });
      if (!bulkRunOpen(run)) {
        void queryClient.invalidateQueries({ queryKey: runKeys.all });
        void queryClient.invalidateQueries({ queryKey: configurationKeys.all });
        void queryClient.invalidateQueries({ queryKey: endpointKeys.all });
      }
      return run;
    },
    enabled: !!id,
    refetchInterval: (query) => (bulkRunOpen(query.state.data) ? 2_000 : false),
  });
}

const bulkRunOpen = (run: BulkRunDto | undefined) => !run || run.state === "running" || run.items.some((item) => item.state === "sending" || item.state === "running");
