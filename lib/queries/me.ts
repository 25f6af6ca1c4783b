"use client";
// The signed-in user's own preferences: the time zone the Activity grid's days are in.
import { useSyncExternalStore } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";
import { runKeys } from "./runs";

export const meKeys = { me: ["me"] as const };

export function useMe() {
  return useQuery({ queryKey: meKeys.me, queryFn: ({ signal }) => callApi(API.me, { signal }), staleTime: 5 * 60_000 });
}

export function useSetTimeZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (timeZone: string | null) => callApi(API.updateMe, { body: { timeZone } }),
    onSuccess: (me) => {
      queryClient.setQueryData(meKeys.me, me);
      return queryClient.invalidateQueries({ queryKey: runKeys.all });
    },
  });
}

const noSubscription = () => () => {};

/** The browser's zone (null while rendering on the server). */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}

/** The zone days are shown in: the user's choice, else the browser's; null until known. */
export function useTimeZone(): { timeZone: string | null; chosen: boolean } {
  const me = useMe();
  const browser = useBrowserTimeZone();
  if (me.isPending && !me.isError) return { timeZone: null, chosen: false };
  const chosen = me.data?.timeZone ?? null;
  return { timeZone: chosen ?? browser, chosen: chosen !== null };
}
