// Reports on demand: when someone opens a run or a configuration, the vendor's own report of it is read live
// (the sync keeps summaries, not reports). Answers are cached for a minute, per object, so that a page that
// refreshes, or ten technicians opening the same failed run, ask the vendor once.
import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ConfigurationReportDto } from "@/lib/schemas/configurations";
import type { RunReportDto as RunReport } from "@/lib/schemas/runs";
import { adapterFor } from "@/lib/sync/runtime";
import { iso } from "./listing";

/** How long a vendor's report is reused. */
export const REPORT_CACHE_MS = 60_000;
/** A vendor that has not answered by then is reported as slow rather than kept waiting on. */
const REPORT_TIMEOUT_MS = 20_000;

const cache = new LRUCache<string, Promise<unknown>>({ max: 500, ttl: REPORT_CACHE_MS });

/** One vendor call per key and minute; a failed call is forgotten at once so that "Try again" tries again. */
function cached<T>(key: string, read: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const pending = read();
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  return pending;
}

function deadline(signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(REPORT_TIMEOUT_MS);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** After the app changed a plan at its vendor, its cached description is stale: the next read asks the vendor. */
export function forgetConfigurationReport(configurationId: string): void {
  cache.delete(`configuration:${configurationId}`);
}

export async function runReport(runId: string, signal?: AbortSignal): Promise<RunReport> {
  const run = await db().run.findUnique({ where: { id: runId }, select: { id: true, vendorId: true, raw: true, status: true, connection: true } });
  if (!run) throw new AppError("not_found", "No such run.");
  // Keyed by the run's state too: once a run the app follows has ended (a stop, a finished start), the report
  // read while it ran is not shown next to its end.
  return cached(`run:${run.id}:${run.status}`, async () => {
    const report = await (await adapterFor(run.connection)).fetchRunReport({ vendorId: run.vendorId, raw: run.raw }, deadline(signal));
    return {
      report: report && { ...report, startedAt: iso(report.startedAt), endedAt: iso(report.endedAt) },
      readAt: new Date().toISOString(),
    };
  });
}

export async function configurationReport(configurationId: string, signal?: AbortSignal): Promise<ConfigurationReportDto> {
  const configuration = await db().backupConfiguration.findUnique({
    where: { id: configurationId },
    select: { id: true, vendorId: true, raw: true, endpoint: { select: { vendorId: true } }, connection: true },
  });
  if (!configuration) throw new AppError("not_found", "No such backup configuration.");
  return cached(`configuration:${configuration.id}`, async () => ({
    report: await (await adapterFor(configuration.connection)).fetchConfigurationReport(
      { vendorId: configuration.vendorId, endpointVendorId: configuration.endpoint.vendorId, raw: configuration.raw },
      deadline(signal),
    ),
    readAt: new Date().toISOString(),
  }));
}
