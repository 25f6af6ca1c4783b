"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, callApi } from "@/lib/api/client";
import { API } from "@/lib/api/registry";

import type { WallDto } from "@/lib/schemas/wall";

export type { WallDto };

/** A revoked or unknown link will not come back: the wall stops asking and says so. */
export function linkRefused(error: unknown): "revoked" | "unknown" | null {
  if (!(error instanceof ApiError) || error.status !== 401) return null;
  return (error.details as { reason?: string } | undefined)?.reason === "revoked" ? "revoked" : "unknown";
}

/**
 * The wall's figures, polled every `refreshMs`. react-query never starts a poll while one is in flight, and a
 * poll that hangs is cut off (it counts as a failure), so a slow app gets at most one
 * request at a time from each wall and the wall notices within two periods. No retries: the next poll is the
 * retry, which is also how the wall recovers by itself after a restart or a network drop.
 */
export function useWall(token: string, refreshOverrideMs?: number) {
  const client = useQueryClient();
  const key = ["wall", token];
  // The link's own period arrives with its answer (an admin may change it); until then, 15 s.
  const periodOf = (data: WallDto | undefined) => refreshOverrideMs ?? (data?.link.refreshSeconds ?? 15) * 1000;
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => {
      // A hung poll is given up after two periods (at least 10 s: a server just restarted answers slowly at
      // first); the wall shows the warning after two periods without an answer either way.
      const timeout = Math.max(2 * periodOf(client.getQueryData<WallDto>(key)), 10_000);
      return callApi(API.wall, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.any([signal, AbortSignal.timeout(timeout)]) });
    },
    refetchInterval: (query) => (linkRefused(query.state.error) ? false : periodOf(query.state.data)),
    refetchIntervalInBackground: true,
    // Ask even when the browser believes it is offline: a failed poll is how the wall learns it is cut off.
    networkMode: "always",
    refetchOnWindowFocus: false,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}
