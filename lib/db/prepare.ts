// Brings a database up to the committed migrations before the app serves requests (`npm start` runs it).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { applyMigrations } from "./schema-engine";
import { sqliteFilePath, type DatabaseTarget } from "./url";
import { restrictSqliteFiles } from "./file-mode";

// Any fixed number: every instance takes the same PostgreSQL advisory lock, so only one migrates at a time.
const MIGRATION_LOCK_ID = 7_360_360;

export async function prepareDatabase(target: DatabaseTarget): Promise<string[]> {
  if (target.provider === "sqlite") {
    const file = sqliteFilePath(target.url);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    restrictSqliteFiles(file);
    // WAL is a property of the file: set once, it stays. It keeps readers going while one writer commits.
    const sqlite = new Database(file, { timeout: 5000 });
    if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") sqlite.pragma("journal_mode = WAL");
    sqlite.close();
    return applyMigrations("sqlite", target.url);
  }
  const lock = new pg.Client({ connectionString: target.url });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    return await applyMigrations("postgresql", target.url);
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    await lock.end();
  }
}
