// Time progression, the (unverified) start/stop extension, billing over months, and determinism.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { SimClock } from "@/lib/simulator-kit/clock";
import * as S from "../schemas";
import { startMsp360, type Msp360TestClient, type StartedSimulator } from "./testing";

const FROZEN = Date.UTC(2025, 2, 19, 10, 26, 47);
const frozenClock = () => new SimClock(() => FROZEN);
const { Success, Overdue, Error: Failed, Running, Interrupted, UnexpectedlyClosed, Warning } = S.MSP360_PLAN_STATUS;
const DATE_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$/;

let running: StartedSimulator[] = [];
async function start(options: Parameters<typeof startMsp360>[0] = {}) {
  const sim = await startMsp360({ clock: frozenClock(), ...options });
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.map((sim) => sim.close()));
  running = [];
});

const monitoring = async (client: Msp360TestClient, path = "api/Monitoring") =>
  z.array(S.msp360MonitoringSchema).parse((await client.call("GET", path)).body);
const computers = async (client: Msp360TestClient, offset = 0, count = 1000) =>
  S.msp360ComputersPageSchema.parse((await client.call("GET", `api/Computers/${offset}/${count}`)).body);
const plansOf = async (client: Msp360TestClient, hid: string) =>
  z.array(S.msp360ComputerPlanSchema).parse((await client.call("GET", `api/Computers/${hid}/Plans`)).body);

describe("time progression", () => {
  it("runs plans on schedule over a day: Running in between, then every terminal status", async () => {
    const { client } = await start({ endpoints: 200, seed: 3 });
    const seen = new Set<number>();
    for (let hour = 0; hour < 24; hour++) {
      await client.advance("1h");
      for (const item of await monitoring(client)) seen.add(item.Status);
    }
    const final = await monitoring(client);
    const statuses = new Set(final.map((item) => item.Status));
    for (const status of [Success, Warning, Failed, Overdue]) expect(statuses, `status ${status}`).toContain(status);
    expect(statuses.has(Interrupted) || statuses.has(UnexpectedlyClosed)).toBe(true);
    expect(seen).toContain(Running);

    const failed = final.find((item) => item.Status === Failed);
    expect(failed?.ErrorMessage).toBeTruthy();
    for (const item of final) {
      if (item.LastStart) expect(item.LastStart).toMatch(DATE_WITHOUT_ZONE);
      if (item.NextStart) expect(item.NextStart).toMatch(DATE_WITHOUT_ZONE);
      if (item.LastStart) expect(item.Duration).toMatch(/^\d+ (day|hour|minute|second)\(s\)( \d+ (hour|minute|second)\(s\))?$/);
      expect(item.FilesCopied + item.FilesFailed).toBeLessThanOrEqual(item.FilesToBackup);
      expect(item.DataCopied).toBeLessThanOrEqual(item.DataToBackup);
    }
  });

  it("moves LastStart to the next scheduled time once it passes", async () => {
    const { client } = await start({ endpoints: 30, seed: 4 });
    const [computer] = (await computers(client)).Computers.filter((c) => c.Apps[0]?.Online && !c.LostAuth);
    const [plan] = (await plansOf(client, computer?.ComputerHID ?? "")).filter((p) => p.Plan.NextStart);
    if (!computer || !plan?.Plan.NextStart) throw new Error("no scheduled plan");
    const nextStart = S.msp360DateToEpochMs(plan.Plan.NextStart);
    await client.call("POST", "_sim/clock", { body: { advanceMs: nextStart - FROZEN + 60_000 }, token: null });
    const after = (await plansOf(client, computer.ComputerHID)).find((p) => p.Plan.ID === plan.Plan.ID);
    expect(S.msp360DateToEpochMs(after?.Plan.LastStart ?? "")).toBeGreaterThanOrEqual(nextStart);
    expect(S.msp360DateToEpochMs(after?.Plan.NextStart ?? "")).toBeGreaterThan(nextStart);
  });

  it("keeps BackupStats in step with each plan's latest status", async () => {
    const { client } = await start({ endpoints: 60, seed: 5 });
    await client.advance("13h");
    const page = await computers(client, 0, 40);
    const byPlan = new Map((await monitoring(client)).map((m) => [m.PlanId, m.Status]));
    for (const computer of page.Computers) {
      const plans = await plansOf(client, computer.ComputerHID);
      const count = (...statuses: number[]) => plans.filter((p) => statuses.includes(p.Plan.Status)).length;
      expect(computer.BackupStats).toEqual({
        PlansCount: plans.length,
        TotalOverdueCount: count(Overdue),
        TotalFailedCount: count(Failed, UnexpectedlyClosed),
        TotalSuccessCount: count(Success),
        TotalWarningCount: count(Warning),
        TotalNotRunCount: count(S.MSP360_PLAN_STATUS.Unknown),
        TotalRunningCount: count(Running),
        TotalInterruptedCount: count(Interrupted),
      });
      if (!computer.LostAuth) for (const plan of plans) expect(byPlan.get(plan.Plan.ID)).toBe(plan.Plan.Status);
    }
  });

  it("shows offline computers as offline and their daily and hourly plans Overdue", async () => {
    const { client } = await start({ endpoints: 100, seed: 6 });
    await client.advance("1d");
    const now = FROZEN + 86_400_000;
    const page = await computers(client);
    const offline = page.Computers.filter((c) => !c.Apps[0]?.Online && !c.LostAuth);
    const longGone = offline.filter((c) => S.msp360DateToEpochMs(c.LastActivity ?? "") < now - 25 * 3_600_000);
    expect(longGone.length).toBeGreaterThan(0);
    for (const computer of offline) expect(S.msp360DateToEpochMs(computer.LastActivity ?? "")).toBeLessThanOrEqual(now);
    for (const computer of longGone) {
      const plans = await plansOf(client, computer.ComputerHID);
      const frequent = plans.filter((p) => p.Plan.Schedule.Type === "Daily" || p.Plan.Schedule.Type === "Hourly");
      expect(frequent.every((p) => p.Plan.Status === Overdue), computer.ComputerName).toBe(true);
    }
    for (const computer of page.Computers.filter((c) => c.Apps[0]?.Online)) {
      expect(S.msp360DateToEpochMs(computer.LastActivity ?? "")).toBeGreaterThan(now - 5 * 60_000);
    }
  });
});

describe("start/stop (unverified extension)", () => {
  async function quietPlan(client: Msp360TestClient) {
    const online = (await computers(client)).Computers.filter((c) => c.Apps[0]?.Online && !c.LostAuth);
    for (const computer of online) {
      for (const { PlanType, Plan } of await plansOf(client, computer.ComputerHID)) {
        const calm = PlanType === S.MSP360_PLAN_TYPE.Backup && Plan.Schedule.Type === "Daily" && Plan.Status !== Running;
        const hoursToNext = Plan.NextStart ? (S.msp360DateToEpochMs(Plan.NextStart) - FROZEN) / 3_600_000 : 0;
        if (calm && hoursToNext > 6) return { hid: computer.ComputerHID, planId: Plan.ID, nextStart: Plan.NextStart ?? "" };
      }
    }
    throw new Error("no quiet daily plan");
  }
  const statusOf = async (client: Msp360TestClient, planId: string) => (await monitoring(client)).find((m) => m.PlanId === planId);

  it("starts a plan now; it runs and finishes later by the clock", async () => {
    const { client } = await start({ endpoints: 60, seed: 8 });
    const plan = await quietPlan(client);
    const started = await client.call("POST", `api/Computers/${plan.hid}/Plans/${plan.planId}/start`);
    expect([started.status, started.body]).toEqual([200, { ResultCode: 0, ErrorMessage: "" }]);
    const runningNow = await statusOf(client, plan.planId);
    expect(runningNow).toMatchObject({ Status: Running, LastStart: "2025-03-19T10:26:47" });

    let finished = runningNow;
    for (let step = 0; step < 30 && finished?.Status === Running; step++) {
      await client.advance("10m");
      finished = await statusOf(client, plan.planId);
    }
    expect(finished?.LastStart).toBe("2025-03-19T10:26:47");
    expect([Success, Warning, Failed, Interrupted, UnexpectedlyClosed]).toContain(finished?.Status);
  });

  it("stops a running plan: it ends Interrupted", async () => {
    const { client } = await start({ endpoints: 60, seed: 8 });
    const plan = await quietPlan(client);
    await client.call("POST", `api/Computers/${plan.hid}/Plans/${plan.planId}/start`, { body: { Mode: "Full" } });
    await client.advance("3s");
    const stopped = await client.call("POST", `api/Computers/${plan.hid}/Plans/${plan.planId}/stop`, { body: { Force: true } });
    expect([stopped.status, stopped.body]).toEqual([200, { ResultCode: 0, ErrorMessage: "" }]);
    await client.advance("1m");
    expect(await statusOf(client, plan.planId)).toMatchObject({ Status: Interrupted, Duration: "3 second(s)", ErrorMessage: "Plan has been stopped by a user" });
    const unknownPlan = await client.call("POST", `api/Computers/${plan.hid}/Plans/00000000-0000-4000-8000-000000000000/start`);
    expect(unknownPlan.status).toBe(404);
  });
});

describe("billing", () => {
  it("grows with storage over the months", async () => {
    const { client } = await start({ endpoints: 40, seed: 9 });
    const billing = async (date: string) =>
      S.msp360BillingSchema.parse((await client.call("PUT", "api/Billing", { body: { Date: date } })).body);
    const sixMonthsAgo = await billing("2024-09-15T00:00:00");
    const current = S.msp360BillingSchema.parse((await client.call("GET", "api/Billing")).body);
    expect(current.CurrentSpaceUsed).toBeGreaterThan(sixMonthsAgo.CurrentSpaceUsed);
    expect(current.StatisticBilling.length).toBeGreaterThan(0);
    for (const row of current.StatisticBilling) {
      expect(row.TotalCost).toBeCloseTo(row.PlanCost + row.StorageCost + row.RestoreCost, 1);
    }
    await client.advance("30d");
    await client.login(); // the token from 30 days ago has expired
    const later = S.msp360BillingSchema.parse((await client.call("GET", "api/Billing")).body);
    expect(later.CurrentSpaceUsed).toBeGreaterThan(current.CurrentSpaceUsed);
    expect((await billing("2031-01-01")).StatisticBilling).toEqual([]);
  });
});

describe("determinism", () => {
  const snapshot = async (client: Msp360TestClient) => {
    const paths = ["api/Computers/0/50", "api/Monitoring", "api/Users", "api/Companies", "api/Licenses", "api/Accounts", "api/Administrators", "api/Billing", "api/Packages"];
    const bodies = [];
    for (const path of paths) bodies.push((await client.call("GET", path)).text);
    return bodies;
  };

  it("gives byte-identical answers for one seed at one simulated time, and different worlds for other seeds", async () => {
    const first = await start({ seed: 42, endpoints: 50 });
    const second = await start({ seed: 42, endpoints: 50 });
    const other = await start({ seed: 43, endpoints: 50 });
    expect(await snapshot(second.client)).toEqual(await snapshot(first.client));
    await first.client.advance("1d");
    await second.client.advance("1d");
    expect(await snapshot(second.client)).toEqual(await snapshot(first.client));
    // Writes draw their ids from the seed too.
    const body = { Name: "Same Co" };
    expect((await first.client.call("POST", "api/Companies", { body })).text).toBe((await second.client.call("POST", "api/Companies", { body })).text);

    const [firstComputers] = await snapshot(first.client);
    const [otherComputers] = await snapshot(other.client);
    expect(otherComputers).not.toBe(firstComputers);
  });
});
