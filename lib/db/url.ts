// Which database the app runs on, decided once from DATABASE_URL.
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** For SQLite a `file:` URL with an absolute path; for PostgreSQL the URL as given. */
  url: string;
}

/** `DATABASE_URL` unset → SQLite file `<dataDir>/app.db`. */
export function resolveDatabaseTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  if (!databaseUrl) return { provider: "sqlite", url: `file:${path.join(dataDir, "app.db")}` };
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return { provider: "postgresql", url: databaseUrl };
  if (databaseUrl.startsWith("file:")) {
    const file = databaseUrl.slice("file:".length);
    return { provider: "sqlite", url: `file:${path.resolve(file)}` };
  }
  throw new Error(`DATABASE_URL must start with postgresql://, postgres:// or file: (got "${databaseUrl.split(":")[0]}:...")`);
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}
