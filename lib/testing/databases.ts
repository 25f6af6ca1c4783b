// Real databases for tests: a fresh SQLite file, and a fresh PostgreSQL database when TEST_POSTGRES_URL is
// set (its user needs CREATEDB). Both get the committed migrations applied, exactly as `npm start` does.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import type { DatabaseProvider, DatabaseTarget } from "@/lib/db/url";

export const TEST_PROVIDERS: DatabaseProvider[] = process.env.TEST_POSTGRES_URL ? ["sqlite", "postgresql"] : ["sqlite"];

export interface TestDatabase {
  target: DatabaseTarget;
  client: Db;
  /** For SQLite: the database file, to look at its raw bytes. */
  file?: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** An empty database with no migrations applied. */
export async function createEmptyDatabase(provider: DatabaseProvider): Promise<{ target: DatabaseTarget; file?: string; drop(): Promise<void> }> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-console-db-"));
    const file = path.join(dir, "app.db");
    return { target: { provider, url: `file:${file}` }, file, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `bc_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(process.env.TEST_POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    target: { provider, url: url.toString() },
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function createTestDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(provider);
  await prepareDatabase(empty.target);
  const client = createDb(empty.target);
  return {
    ...empty,
    client,
    drop: async () => {
      await client.$disconnect();
      await empty.drop();
    },
  };
}

