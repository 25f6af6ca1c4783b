// Schema and migrations cannot drift apart: the committed migrations, applied to an empty database, give
// exactly the schema (an empty diff), for each provider.
import { describe, expect, it } from "vitest";
import { createEmptyDatabase, TEST_PROVIDERS } from "@/lib/testing/test-db";
import { prepareDatabase } from "./prepare";
import { diffDatabaseToSchema, listMigrationsFor } from "./schema-engine";

describe.each(TEST_PROVIDERS)("migrations on %s", (provider) => {
  it("applies every committed migration to an empty database, once, leaving no difference to the schema", async () => {
    const db = await createEmptyDatabase(provider);
    try {
      const applied = await prepareDatabase(db.target);
      expect(applied).toEqual(listMigrationsFor(provider).migrationDirectories.map((d) => d.path));
      expect(applied.length).toBeGreaterThan(0);
      expect(await prepareDatabase(db.target)).toEqual([]);
      expect(await diffDatabaseToSchema(provider, db.target.url)).toBe("");
    } finally {
      await db.drop();
    }
  });
});
