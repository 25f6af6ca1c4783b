// How often data refreshes on its own, so a wall display and an open page stay current.
export const REFRESH_MS = { list: 60_000, live: 30_000 } as const;
