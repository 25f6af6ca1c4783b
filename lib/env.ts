// Every environment variable the app reads, parsed once. Nothing else reads process.env directly.
import path from "node:path";
import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Where `npm start` listens; also how the demo finds its in-app simulators when it is installed at start-up. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: optional,
  /** Unset → SQLite at <DATA_DIR>/app.db. `postgresql://...` → PostgreSQL. */
  DATABASE_URL: optional,
  /** Where the SQLite file, the generated session secret and the key ring live. */
  DATA_DIR: optional.transform((v) => path.resolve(/*turbopackIgnore: true*/ v ?? "data")),
  /** Master key(s) for the credential vault: base64 of 32 bytes, or a key ring `2:<base64>,1:<base64>` (first = current). */
  APP_ENCRYPTION_KEY: optional,
  /** Session signing secret; generated into DATA_DIR when unset. */
  NEXTAUTH_SECRET: optional,
  NEXTAUTH_URL: optional,
  /** Scripted installs: the first admin is created from these when the database has no user yet. */
  ADMIN_EMAIL: optional,
  ADMIN_PASSWORD: optional,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** `1` installs the demo (simulated vendors) at start-up when no connection exists. */
  DEMO: optional.transform((v) => v === "1" || v === "true"),
  /** Days of simulated past the demo replays when installed (0: none, the demo starts from now). */
  DEMO_REPLAY_DAYS: z.coerce.number().int().min(0).max(90).default(30),
  /**
   * Which reverse proxies may tell the client's address, host and scheme (X-Forwarded-*): a hop count, or
   * comma-separated proxy addresses/CIDRs. Read by the server in scripts/server.mjs, which alone sets those headers.
   */
  TRUST_PROXY: optional,
  /** Comma-separated `scheme://host[:port]` that vendor connections may use besides the vendors' own HTTPS hosts. */
  ALLOWED_VENDOR_URLS: optional,
  /** Set by scripts/server.mjs for its own process: proves that the X-Forwarded-* headers came from it. */
  BACKUP_CONSOLE_FORWARDED_PROOF: optional,
  /** Days the Public API's usage log keeps each request. */
  PUBLIC_API_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

/** Tests change variables between cases; this forgets the parsed copy. */
export function resetEnvCache(): void {
  cached = undefined;
}
