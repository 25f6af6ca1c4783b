// `npm run bench:grid`: the Activity grid's page of 100 plans × 30 days, in a temp SQLite database seeded with
// a month of runs (daily plans in several zones, weekly plans on several days, plans every 1-4 hours: ≈ 17,000
// runs, a few failed or missing). Prints p50/p95 of the service call (runGrid, as the route calls it) and of the
// raw SQL beneath it (the same three queries: rows to order, the page's plans, their runs), and their ratio.
// Target: the service within about 3× of the raw queries.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Prisma } from "../prisma/generated/sqlite/client/client";

const PLANS = Number(process.env.BENCH_PLANS ?? 100);
const DAYS = 30;
const CALLS = Number(process.env.BENCH_CALLS ?? 30);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-run-grid-"));
Object.assign(process.env, { DATA_DIR: dataDir, LOG_LEVEL: "error", NODE_ENV: "production" });

const { setDbForTests } = await import("../lib/db/client");
const { createTestDatabase } = await import("../lib/testing/databases");
const { runGrid } = await import("../lib/services/run-grid");
const { runGridQuerySchema } = await import("../lib/schemas/runs");
const { occurrences } = await import("../lib/vendors/schedule");
type ScheduleRule = import("../lib/vendors/schedule").ScheduleRule;

const percentile = (sorted: number[], p: number) => +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);

async function measure(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const database = await createTestDatabase("sqlite");
setDbForTests(database.client);
const client = database.client;
const now = new Date();
const from = new Date(now.getTime() - (DAYS + 1) * 86_400_000);
const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];

try {
  await client.connection.create({
    data: { id: "bench", vendor: "msp360", name: "Bench", username: "bench", secretCiphertext: "x", secretKeyVersion: 1, secretUpdatedAt: now },
  });
  const customer = await client.customer.create({ data: { connectionId: "bench", vendor: "msp360", vendorId: "c1", name: "Bench customer", kind: "company" } });
  let seq = 0;
  const runRows: Prisma.RunCreateManyInput[] = [];
  for (let i = 0; i < PLANS; i++) {
    const endpoint = await client.endpoint.create({
      data: { connectionId: "bench", vendor: "msp360", vendorId: `e${i}`, customerId: customer.id, name: `SERVER-${String(i).padStart(3, "0")}`, online: true, enabled: true, status: "success", firstSeenAt: from },
    });
    const kind = i % 10;
    const rule: ScheduleRule =
      kind < 6
        ? { kind: "calendar", cron: `${(i * 7) % 60} ${18 + (i % 6)} * * *`, timeZone: zones[i % zones.length]! }
        : kind < 7
          ? { kind: "calendar", cron: `0 20 * * 1,3,5`, timeZone: zones[i % zones.length]! }
          : { kind: "interval", everyMinutes: 60 * (kind - 6), anchor: "2026-01-01T00:15:00.000Z" };
    const plan = await client.backupConfiguration.create({
      data: {
        connectionId: "bench",
        vendor: "msp360",
        vendorId: `p${i}`,
        endpointId: endpoint.id,
        customerId: customer.id,
        name: `Plan ${i}`,
        type: "backup",
        enabled: true,
        scheduleKind: rule.kind === "interval" ? "hourly" : "daily",
        scheduleDescription: "bench",
        scheduleRule: rule,
        lastStatus: "success",
        status: i % 13 === 0 ? "failed" : "success",
        firstSeenAt: from,
      },
    });
    for (const due of occurrences(rule, from, now)) {
      seq++;
      if (seq % 29 === 0) continue; // a missed run
      const status = seq % 17 === 0 ? "failed" : seq % 11 === 0 ? "warning" : "success";
      runRows.push({
        connectionId: "bench",
        vendor: "msp360",
        vendorId: `r${seq}`,
        endpointId: endpoint.id,
        configurationId: plan.id,
        customerId: customer.id,
        type: "backup",
        status,
        startedAt: new Date(due.getTime() + 40_000),
        endedAt: new Date(due.getTime() + 600_000),
        raw: { PlanName: `Plan ${i}`, Status: status, Detailed: "x".repeat(200) },
      });
    }
  }
  for (let i = 0; i < runRows.length; i += 2000) await client.run.createMany({ data: runRows.slice(i, i + 2000) });
  console.log(`Seeded ${PLANS} plans, ${runRows.length} runs over ${DAYS} days (SQLite).`);

  const query = runGridQuerySchema.parse({ days: DAYS, pageSize: 100, timeZone: "Europe/Berlin" });
  const grid = await runGrid(query, null, now);
  const cells = grid.rows.flatMap((row) => row.cells);
  console.log(`Grid: ${grid.rows.length} rows × ${grid.days.length} days; missed cells ${cells.filter((c) => c.status === "missed").length}, failed ${cells.filter((c) => c.status === "failed").length}.`);

  const service = await measure(() => runGrid(query, null, now));

  // The SQL beneath it, as Prisma sends it: ordering candidates, the page's plans, their runs.
  const lower = new Date(from.getTime() - 86_400_000);
  const rawQueries = async () => {
    const candidates = await client.$queryRawUnsafe<{ id: string }[]>(
      `SELECT c.id, c.name, c.status FROM BackupConfiguration c JOIN Endpoint e ON e.id = c.endpointId WHERE c.removedAt IS NULL AND e.removedAt IS NULL`,
    );
    const ids = candidates.map((c) => c.id);
    const marks = ids.map(() => "?").join(",");
    await client.$queryRawUnsafe(
      `SELECT c.id, c.name, c.status, c.vendor, c.connectionId, c.enabled, c.scheduleDescription, c.scheduleRule, c.firstSeenAt, e.id, e.name, e.enabled, cu.id, cu.name
       FROM BackupConfiguration c JOIN Endpoint e ON e.id = c.endpointId LEFT JOIN Customer cu ON cu.id = e.customerId WHERE c.id IN (${marks})`,
      ...ids,
    );
    return await client.$queryRawUnsafe<unknown[]>(
      `SELECT configurationId, startedAt, status FROM Run WHERE configurationId IN (${marks}) AND type IN ('backup','other') AND startedAt >= ? AND startedAt < ?`,
      ...ids,
      lower,
      now,
    );
  };
  console.log(`Raw run query rows: ${(await rawQueries()).length}.`);
  const raw = await measure(rawQueries);

  console.log("\n| what | p50 ms | p95 ms |\n|---|---|---|");
  console.log(`| runGrid (service, 100 plans × 30 days) | ${service.p50} | ${service.p95} |`);
  console.log(`| raw SQL beneath it | ${raw.p50} | ${raw.p95} |`);
  console.log(`\nService / raw (p50): ${(service.p50 / raw.p50).toFixed(1)}×`);
} finally {
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
