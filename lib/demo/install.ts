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

export const DEMO_ENDPOINTS = 60;

export interface DemoStatus {
  installed: boolean;
  connections: ConnectionDto[];
}

export async function demoStatus(): Promise<DemoStatus> {
  const rows = await db().connection.findMany({ where: { isDemo: true }, orderBy: { vendor: "asc" } });
  return { installed: (await loadDemoConfig()) !== null, connections: rows.map(toConnectionDto) };
}

export { selfOrigin };

export async function installDemo(actor: Actor, origin: string = selfOrigin()): Promise<DemoStatus> {
  if (await loadDemoConfig()) throw new AppError("conflict", "The demo is already installed.");
  const config = newDemoConfig(DEMO_ENDPOINTS);
  await saveDemoConfig(config);
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
  await recordAudit(actor, { action: "demo.install", outcome: "success", target: { type: "demo", label: "demo data" }, details: { endpoints: config.endpoints, origin: base } });
  return demoStatus();
}

/** Installs the demo and pulls it at once, so the pages fill up within seconds instead of at the next scheduled sync. */
export async function installDemoAndSync(actor: Actor): Promise<DemoStatus> {
  const status = await installDemo(actor);
  for (const connection of status.connections) {
    void syncConnection(connection.id, "manual").catch((error) => logger.error({ err: error }, "first demo sync failed"));
  }
  return status;
}

export async function removeDemo(actor: Actor): Promise<DemoStatus> {
  const { count } = await db().connection.deleteMany({ where: { isDemo: true } });
  await deleteDemoConfig();
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
