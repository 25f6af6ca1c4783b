"use client";
// Whether the wall can trust what it shows: the age of its figures, since when its polls fail, and whether the
// link was refused. A wall must never show old numbers as if they were live.
import { useEffect, useState } from "react";

export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export interface WallHealth {
  /** When the figures on screen were fetched (0: never). */
  fetchedAt: number;
  /** Set when the app cannot be reached: since when. */
  disconnectedSince: number | null;
}

/**
 * Disconnected: a poll failed after the last success, or (a poll that hangs, a throttled timer) no success for
 * two refresh periods. Either way the warning is on within two periods of the app going away. Polls run at a
 * fixed period, so the first one that failed was due one period after the last success.
 */
export function useWallHealth(state: { dataUpdatedAt: number; errorUpdatedAt: number; isError: boolean }, refreshMs: number, now: number): WallHealth {
  const failing = state.isError && state.errorUpdatedAt >= state.dataUpdatedAt;
  const overdue = state.dataUpdatedAt > 0 && now - state.dataUpdatedAt > 2 * refreshMs;
  const since = state.dataUpdatedAt ? state.dataUpdatedAt + refreshMs : state.errorUpdatedAt;
  const disconnectedSince = failing ? Math.min(state.errorUpdatedAt, since) : overdue ? since : null;
  return { fetchedAt: state.dataUpdatedAt, disconnectedSince };
}
