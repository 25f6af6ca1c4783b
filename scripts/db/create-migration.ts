// `npm run db:migrate -- --name add_widgets`: writes the next migration for both providers from
// prisma/schema.prisma, as `prisma migrate dev --create-only` would, using Prisma's WebAssembly schema engine.
// SQLite replays the migrations into an in-memory shadow database; PostgreSQL needs a server on which the
// user may CREATE DATABASE (MIGRATE_POSTGRES_URL, default the local one) for a throwaway shadow database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { diffMigrationsToSchema, migrationsDir, writeLockfile } from "../../lib/db/schema-engine";
import type { DatabaseProvider } from "../../lib/db/url";

const { values } = parseArgs({ options: { name: { type: "string" } } });
const name = values.name?.trim().replace(/[^a-zA-Z0-9_]+/g, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migrate -- --name short_description");
  process.exit(2);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-"));
const targets: Record<DatabaseProvider, string> = {
  sqlite: `file:${path.join(scratch, "main.db")}`,
  postgresql: process.env.MIGRATE_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
};

let wrote = 0;
for (const provider of ["sqlite", "postgresql"] as const) {
  writeLockfile(provider);
  const sql = await diffMigrationsToSchema(provider, targets[provider]);
  if (!sql) {
    console.log(`${provider}: the migrations already match the schema`);
    continue;
  }
  const dir = path.join(migrationsDir(provider), `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`${provider}: wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  wrote++;
}
fs.rmSync(scratch, { recursive: true, force: true });
if (wrote === 0) console.log("nothing to do");
