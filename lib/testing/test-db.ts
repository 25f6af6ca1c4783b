// Vitest hooks around lib/testing/databases.ts: each describe block gets a fresh migrated database.
import { afterAll, beforeAll } from "vitest";
import { setDbForTests } from "@/lib/db/client";
import type { DatabaseProvider } from "@/lib/db/url";
import { createTestDatabase, type TestDatabase } from "./databases";

export { TEST_PROVIDERS, createEmptyDatabase, createTestDatabase, type TestDatabase } from "./databases";

/** Gives the app (everything that calls `db()`) a fresh migrated database for the tests of one describe block. */
export function useTestDatabase(provider: DatabaseProvider): { current: TestDatabase } {
  const holder = {} as { current: TestDatabase };
  beforeAll(async () => {
    holder.current = await createTestDatabase(provider);
    setDbForTests(holder.current.client);
  });
  afterAll(async () => {
    setDbForTests(undefined);
    await holder.current?.drop();
  });
  return holder;
}
