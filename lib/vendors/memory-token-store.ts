import type { TokenStore } from "./contract";

/** A token store that lives as long as the process (tests, scripts); the app uses the database-backed one. */
export function memoryTokenStore(): TokenStore & { writes: number } {
  let value: Awaited<ReturnType<TokenStore["get"]>> = null;
  const store = {
    writes: 0,
    get: async () => value,
    set: async (next: NonNullable<typeof value>) => {
      value = next;
      store.writes++;
    },
    clear: async () => {
      value = null;
    },
  };
  return store;
}
