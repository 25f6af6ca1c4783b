// "Explore with demo data": one MSP360 and one Rackspace connection pointing at the in-app simulators,
// with generated credentials that go through the vault like real ones. Removed again in one step.
import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { createConnection, toConnectionDto } from "@/lib/services/connections";
import type { ConnectionDto } from "@/lib/schemas/connections";
import { deleteDemoConfig, loadDemoConfig, newDemoConfig, saveDemoConfig } from "./config";
import { syncConnection } from "@/lib/sync/engine";
import { forgetDemoSimulators } from "./simulators";
import { DEMO_MOUNT, selfOrigin } from "./mount";
import { demoReplayOptions, planDemoReplay, replayProgress, resumeDemoReplay, type ReplayOptions, type ReplayProgress } from "./replay";
import { deleteReplay, loadReplay } from "./replay-state";

export const DEMO_ENDPOINTS = 60;

export interface DemoStatus {
  installed: boolean;
  connections: ConnectionDto[];
  /** The replay of the demo's past (null: none, as for a demo installed before replays existed). */
  replay: ReplayProgress | null;
}

export async function demoStatus(): Promise<DemoStatus> {
  const rows = await db().connection.findMany({ where: { isDemo: true }, orderBy: { vendor: "asc" } });
  const installed = (await loadDemoConfig()) !== null;
  const replay = installed ? await loadReplay() : null;
  return { installed, connections: rows.map(toConnectionDto), replay: replay ? replayProgress(replay.state) : null };
}

export { selfOrigin };

export interface InstallOptions {
  /** The simulated fleet's size per vendor and seed (tests use a small, fixed world). */
  endpoints?: number;
  seed?: number;
  /** How the past is replayed; null: not at all (the demo starts from now). */
  replay?: ReplayOptions | null;
}

export async function installDemo(actor: Actor, origin: string = selfOrigin(), options: InstallOptions = {}): Promise<DemoStatus> {
  if (await loadDemoConfig()) throw new AppError("conflict", "The demo is already installed.");
  const config = newDemoConfig(options.endpoints ?? DEMO_ENDPOINTS, options.seed);
  await saveDemoConfig(config);
  const replay = options.replay === undefined ? demoReplayOptions() : options.replay;
  // Before the simulators are mounted: they start where the replay does.
  if (replay) await planDemoReplay(config.installedAt!, replay);
  else await deleteReplay();
  forgetDemoSimulators();
  const base = origin.replace(/\/$/, "");
  await createConnection(
    actor,
    { vendor: "msp360", name: "Demo – MSP360", username: config.msp360.login, secret: config.msp360.password, baseUrl: `${base}${DEMO_MOUNT.msp360}` },
    { isDemo: true },
  );
  await createConnection(
    actor,
    { vendor: "rackspace", name: "Demo – Rackspace", username: config.rackspace.username, secret: config.rackspace.apiKey, baseUrl: `${base}${DEMO_MOUNT.rackspace}/v2.0` },
    { isDemo: true },
  );
  await recordAudit(actor, {
    action: "demo.install",
    outcome: "success",
    target: { type: "demo", label: "demo data" },
    details: { endpoints: config.endpoints, origin: base, replayDays: replay?.days ?? 0 },
  });
  return demoStatus();
}

/**
 * Installs the demo and pulls it at once, so the pages fill up within seconds instead of at the next scheduled
 * sync: the replay's first step syncs at once, and the month before now follows in the background.
 */
export async function installDemoAndSync(actor: Actor, options: InstallOptions = {}): Promise<DemoStatus> {
  const status = await installDemo(actor, selfOrigin(), options);
  if (status.replay) {
    void resumeDemoReplay();
    return status;
  }
  for (const connection of status.connections) {
    void syncConnection(connection.id, "manual").catch((error) => logger.error({ err: error }, "first demo sync failed"));
  }
  return status;
}

export async function removeDemo(actor: Actor): Promise<DemoStatus> {
  const { count } = await db().connection.deleteMany({ where: { isDemo: true } });
  await deleteDemoConfig();
  await deleteReplay(); // a replay under way stops at its next step
  forgetDemoSimulators();
  await recordAudit(actor, { action: "demo.remove", outcome: "success", target: { type: "demo", label: "demo data" }, details: { connectionsRemoved: count } });
  return demoStatus();
}

/** DEMO=1: install the demo at start-up when no connection exists yet (scripted runs, screenshots). */
export async function installDemoFromEnv(): Promise<void> {
  if (!env().DEMO) return;
  if ((await db().connection.count()) > 0 || (await loadDemoConfig())) return;
  await installDemo({ type: "system", label: "DEMO=1 at start-up" });
  logger.info("installed the demo data (DEMO=1)");
}
