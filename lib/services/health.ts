import "server-only";
import { db, databaseTarget } from "@/lib/db/client";
import packageJson from "@/package.json" with { type: "json" };

export async function checkHealth() {
  const started = performance.now();
  let database: { ok: boolean; provider: string; latencyMs?: number; error?: string };
  const provider = databaseTarget().provider;
  try {
    await db().$queryRawUnsafe("SELECT 1");
    database = { ok: true, provider, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    database = { ok: false, provider, error: error instanceof Error ? error.message.split("\n")[0] : "unreachable" };
  }
  return { status: database.ok ? ("ok" as const) : ("degraded" as const), version: packageJson.version, database };
}
