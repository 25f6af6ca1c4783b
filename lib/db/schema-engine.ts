// Prisma's own schema engine, in its WebAssembly build, driven through driver adapters. It does what
// `prisma migrate dev/deploy` do, without the native engine binary that cannot be downloaded here.
// What was verified about it, and why the adapter factories below carry workarounds:
// docs/prisma-offline.md.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "prisma-driver-adapter-utils-7-2";
import type { DatabaseProvider } from "./url";

const require = createRequire(import.meta.url);

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma/schema.prisma");

export function migrationsDir(provider: DatabaseProvider): string {
  return path.join(PROJECT_ROOT, "prisma/migrations", provider);
}

/** The shared schema with the datasource provider and client output set for one provider. */
export function schemaFor(provider: DatabaseProvider): string {
  const source = fs.readFileSync(SCHEMA_PATH, "utf8");
  return source
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"[^"]+"/, `$1"${provider}"`)
    .replace(/(output\s*=\s*)"[^"]+"/, `$1"./client"`);
}

// ---------------------------------------------------------------------------------------------
// Adapter factories with the workarounds the engine needs.

type PgConfig = pg.PoolConfig;

// adapter-pg cannot deserialize "char" (OID 18), which the PostgreSQL describer reads; report it as text.
class CharAsTextPool extends pg.Pool {
  // @ts-expect-error -- pg's overloads make a faithful override signature impractical; this one forwards all.
  async query(config: unknown, values?: unknown, callback?: unknown) {
    if (typeof values === "function" || typeof callback === "function") {
      // @ts-expect-error -- forwarded as received
      return super.query(config, values, callback);
    }
    // @ts-expect-error -- forwarded as received
    const result = await super.query(config, values);
    for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  }
}

// adapter-pg splits scripts on every ";", which breaks strings and function bodies: send the script whole.
async function connectPg(config: PgConfig) {
  const adapter = await new PrismaPg(new CharAsTextPool(config) as unknown as pg.Pool, { disposeExternalPool: true }).connect();
  const withDriver = adapter as typeof adapter & { underlyingDriver(): pg.Pool; onError(e: unknown): never };
  adapter.executeScript = async (sql: string) => {
    try {
      await withDriver.underlyingDriver().query(sql);
    } catch (error) {
      withDriver.onError(error);
    }
  };
  return adapter;
}

export function pgConfigFromUrl(url: string): PgConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: u.pathname.replace(/^\//, "") || undefined,
  };
}

function pgMigrationFactory(config: PgConfig) {
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: () => connectPg(config),
    // The shadow database is dropped after its pool is closed (adapter-pg does it the other way round and fails).
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      const admin = await connectPg(config);
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = await connectPg({ ...config, database: name });
      const close = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await close();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}

// better-sqlite3 refuses multi-statement strings in executeRaw, which the shadow replay sends; run them as a script.
function sqliteMigrationFactory(url: string) {
  const inner = new PrismaBetterSqlite3({ url });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => inner.connect(),
    async connectToShadowDb() {
      const shadow = await inner.connectToShadowDb();
      const raw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        try {
          return await raw(query);
        } catch (error) {
          if (query.args.length === 0 && /more than one statement/.test(String((error as Error)?.message))) {
            await shadow.executeScript(query.sql);
            return 0;
          }
          throw error;
        }
      };
      return shadow;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Loading the engine: once per process (a second instantiation breaks engines made earlier).

interface WasmSchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string }>;
  applyMigrations(params: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diagnoseMigrationHistory(params: unknown): Promise<unknown>;
  free?(): void;
}
interface EngineModule {
  SchemaEngine: { new: (options: unknown, log: (m: string) => void, adapter: unknown) => Promise<WasmSchemaEngine> };
}

let enginePromise: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
    g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => console.error("schema engine panic:", m) };
    const bg = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as EngineModule & {
      __wbg_set_wasm(exports: unknown): void;
    };
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return enginePromise;
}

type BoundFactory = ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;

async function withEngine<T>(
  provider: DatabaseProvider,
  url: string,
  work: (engine: WasmSchemaEngine) => Promise<T>,
): Promise<T> {
  const mod = await loadEngineModule();
  const factory =
    provider === "postgresql" ? pgMigrationFactory(pgConfigFromUrl(url)) : sqliteMigrationFactory(url);
  // The engine does not close the connections it opens; keep them so they are closed (and SQLite's
  // file lock released) when the work is done.
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect;
  factory.connect = (async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  }) as typeof factory.connect;
  const bound: BoundFactory = bindMigrationAwareSqlAdapterFactory(factory as never);
  const engine = await mod.SchemaEngine.new({ datamodels: undefined }, () => {}, bound);
  try {
    return await work(engine);
  } catch (error) {
    throw explainEngineError(error, bound);
  } finally {
    engine.free?.();
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
  }
}

// An adapter error reaches JS only as "External error id#N"; the original is kept in the registry.
function explainEngineError(error: unknown, bound: BoundFactory): Error {
  const message = error instanceof Error ? error.message : String(error);
  const match = /External error id#(\d+)/.exec(message);
  const registry = (bound as unknown as { errorRegistry?: { consumeError(id: number): { error: unknown } | undefined } })
    .errorRegistry;
  const original = match ? registry?.consumeError(Number(match[1]))?.error : undefined;
  return new Error(original ? `${message}: ${JSON.stringify(original)}` : message, { cause: error });
}

// ---------------------------------------------------------------------------------------------
// The operations the app and its scripts use.

const filters = { externalTables: [], externalEnums: [] };

function lockfileText(provider: DatabaseProvider): string {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
}

export function listMigrationsFor(provider: DatabaseProvider) {
  const baseDir = migrationsDir(provider);
  const names = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockfileText(provider) },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies every committed migration the database has not seen; returns the names applied. */
export async function applyMigrations(provider: DatabaseProvider, url: string): Promise<string[]> {
  return withEngine(provider, url, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: listMigrationsFor(provider), filters });
    return result.appliedMigrationNames;
  });
}

/** SQL that would take the committed migrations to the schema; empty string when they agree. */
export async function diffMigrationsToSchema(provider: DatabaseProvider, url: string): Promise<string> {
  return withEngine(provider, url, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...listMigrationsFor(provider) },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schemaFor(provider) }] },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 0 ? "" : result.stdout;
  });
}

/** SQL that would take the live database to the schema; empty string when they agree. */
export async function diffDatabaseToSchema(provider: DatabaseProvider, url: string): Promise<string> {
  return withEngine(provider, url, async (engine) => {
    const files = [{ path: "schema.prisma", content: schemaFor(provider) }];
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: PROJECT_ROOT },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 0 ? "" : result.stdout;
  });
}

/** Writes the migration lock file the Prisma CLI expects beside the migrations. */
export function writeLockfile(provider: DatabaseProvider): void {
  fs.mkdirSync(migrationsDir(provider), { recursive: true });
  fs.writeFileSync(path.join(migrationsDir(provider), "migration_lock.toml"), lockfileText(provider));
}
