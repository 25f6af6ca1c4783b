// The app's one Prisma client, for SQLite or PostgreSQL depending on DATABASE_URL.
// Both generated clients have the same model API; the SQLite one's type stands for both.
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/prisma/generated/sqlite/client/client";
import { PrismaClient as PostgresClient } from "@/prisma/generated/postgresql/client/client";
import { env } from "@/lib/env";
import { resolveDatabaseTarget, sqliteFilePath, type DatabaseTarget } from "./url";
import { restrictSqliteFiles } from "./file-mode";

export type Db = SqliteClient;

export function databaseTarget(): DatabaseTarget {
  return resolveDatabaseTarget(env().DATABASE_URL, env().DATA_DIR);
}

const providers = new WeakMap<Db, DatabaseTarget["provider"]>();

export function createDb(target: DatabaseTarget = databaseTarget()): Db {
  let client: Db;
  if (target.provider === "postgresql") {
    client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as Db;
  } else {
    // Owner-only before the first connection creates the WAL and SHM files (they take the database's mode).
    restrictSqliteFiles(sqliteFilePath(target.url));
    // WAL lets readers run while a writer commits and survives a crash mid-write; busy_timeout waits for a
    // concurrent writer (a second process on the same file) instead of failing at once.
    client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.url, timeout: 5000 }) });
  }
  providers.set(client, target.provider);
  return client;
}

/** The database a client talks to (tests swap clients without changing DATABASE_URL). Raw SQL needs to know. */
export function providerOf(client: Db): DatabaseTarget["provider"] {
  return providers.get(client) ?? databaseTarget().provider;
}

const globalForDb = globalThis as unknown as { backupConsoleDb?: Db };

/** The process-wide client (kept on globalThis so hot reload in development does not open new pools). */
export function db(): Db {
  globalForDb.backupConsoleDb ??= createDb();
  return globalForDb.backupConsoleDb;
}

/** Tests point the app at their own database. */
export function setDbForTests(client: Db | undefined): void {
  globalForDb.backupConsoleDb = client;
}

/** Whether a write failed on a unique constraint (another request inserted the same key first). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002" || /unique constraint/i.test(String((error as Error)?.message ?? ""));
}
