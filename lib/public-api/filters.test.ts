// Every form of the filter grammar on every field type, run as SQL on real databases (SQLite and PostgreSQL) over
// rows whose values sit exactly on the bounds, plus widget measures filtered after grouping.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import type { DatasetDefinition, WidgetDefinition } from "@/lib/schemas/public-api";
import { queryResource } from "@/lib/services/public-api-serve";
import { planDataset, planWidget } from "./plan";

const RUNS: DatasetDefinition = {
  source: "runs",
  columns: ["id", "endpoint", "customer", "started", "date", "ended", "status", "succeeded", "size_gb", "message"],
  filters: [],
  sort: { column: "started", direction: "asc" },
};

// Run vendor ids r1…r8; started, size in GB, status, message, ended.
const ROWS = [
  { id: "r1", endpoint: "e1", started: "2022-06-30T23:30:00Z", gb: 10, status: "success", message: null },
  { id: "r2", endpoint: "e1", started: "2022-07-01T00:00:00Z", gb: 12.6, status: "failed", message: "Disk full" },
  { id: "r3", endpoint: "e2", started: "2022-12-31T12:00:00Z", gb: 30, status: "success", message: "" },
  { id: "r4", endpoint: "e2", started: "2023-02-01T23:59:59Z", gb: 56.3, status: "success", message: "ok" },
  { id: "r5", endpoint: "e2", started: "2023-03-15T10:00:00Z", gb: 105.1, status: "failed", message: "Network error" },
  { id: "r6", endpoint: "e2", started: "2023-04-01T00:00:00Z", gb: 150, status: "success", message: null, open: true },
  { id: "r7", endpoint: "e2", started: "2023-05-01T08:00:00Z", gb: 210, status: "warning", message: "Todd's files skipped" },
  { id: "r8", endpoint: "e1", started: "2023-06-01T00:00:00Z", gb: null, status: "success", message: null },
];

describe.each(TEST_PROVIDERS)("filters on %s", (provider) => {
  const database = useTestDatabase(provider);
  const ids = new Map<string, string>();

  beforeAll(async () => {
    const client = database.current.client;
    await client.connection.create({ data: { id: "conn1", vendor: "msp360", name: "MSP", username: "u", secretCiphertext: "x", secretKeyVersion: 1, secretUpdatedAt: new Date() } });
    const acme = await client.customer.create({ data: { connectionId: "conn1", vendor: "msp360", vendorId: "c1", name: "Acme Corp", kind: "company" } });
    const beta = await client.customer.create({ data: { connectionId: "conn1", vendor: "msp360", vendorId: "c2", name: "Beta LLC", kind: "company" } });
    const endpoint = (vendorId: string, name: string, customerId: string) =>
      client.endpoint.create({ data: { connectionId: "conn1", vendor: "msp360", vendorId, name, customerId, online: true, enabled: true, status: "success" } });
    const endpoints = { e1: await endpoint("e1", "ACME-SRV01", acme.id), e2: await endpoint("e2", "beta-laptop", beta.id) };
    for (const row of ROWS) {
      const e = endpoints[row.endpoint as "e1" | "e2"];
      const started = new Date(row.started);
      const run = await client.run.create({
        data: {
          connectionId: "conn1",
          vendor: "msp360",
          vendorId: row.id,
          endpointId: e.id,
          customerId: e.customerId,
          type: "backup",
          status: row.status,
          startedAt: started,
          endedAt: row.open ? null : new Date(started.getTime() + 60_000),
          bytes: row.gb === null ? null : row.gb * 1e9,
          message: row.message,
        },
      });
      ids.set(run.id, row.id);
    }
    for (const [period, customerId] of [["2022-06", acme.id], ["2022-07", acme.id], ["2023-01", beta.id]] as const) {
      await client.usageRecord.create({ data: { connectionId: "conn1", vendor: "msp360", scope: `customer:${period}`, customerId, period, storageBytes: 1e9 } });
    }
  });

  /** The vendor ids (r1…) of the rows a filter returns. */
  async function runs(filter: Record<string, string>, scope: string[] | null = null): Promise<string[]> {
    const page = await queryResource(planDataset(RUNS), new URLSearchParams({ size: "100", ...filter }), scope);
    expect(page.total).toBe(page.data.length);
    return page.data.map((row) => ids.get(row.Id as string)!);
  }

  it("TEXT: is empty (null or blank) and contains (any case, % and _ taken literally)", async () => {
    expect(await runs({ Message: "" })).toEqual(["r1", "r3", "r6", "r8"]);
    expect(await runs({ Message: "tod" })).toEqual(["r7"]);
    expect(await runs({ Message: "DISK FULL" })).toEqual(["r2"]);
    expect(await runs({ Endpoint: "acme" })).toEqual(["r1", "r2", "r8"]);
    expect(await runs({ Message: "%" })).toEqual([]);
    expect(await runs({ Message: "_" })).toEqual([]);
    expect(await runs({ Message: "full,x" })).toEqual([]);
  });

  it("NUMBER: is empty, equals, later than, earlier than, between, intervals, interval or equal", async () => {
    expect(await runs({ "Size GB": "" })).toEqual(["r8"]);
    expect(await runs({ "Size GB": "30" })).toEqual(["r3"]);
    expect(await runs({ "Size GB": "12.6," })).toEqual(["r2", "r3", "r4", "r5", "r6", "r7"]);
    expect(await runs({ "Size GB": ",56.3" })).toEqual(["r1", "r2", "r3", "r4"]);
    expect(await runs({ "Size GB": "12.6,56.3" })).toEqual(["r2", "r3", "r4"]);
    expect(await runs({ "Size GB": "12.6,56.3,103,210" })).toEqual(["r2", "r3", "r4", "r5", "r6", "r7"]);
    expect(await runs({ "Size GB": "12.6,56.3,105.1" })).toEqual(["r2", "r3", "r4", "r5"]);
  });

  it("BOOLEAN: is empty, equals true, equals false", async () => {
    expect(await runs({ Succeeded: "" })).toEqual([]);
    expect(await runs({ Succeeded: "true" })).toEqual(["r1", "r3", "r4", "r6", "r8"]);
    expect(await runs({ Succeeded: "false" })).toEqual(["r2", "r5", "r7"]);
  });

  it("DATE: is empty, a start, later than, earlier than (the whole end day), between, intervals, interval or later than", async () => {
    expect(await runs({ Date: "" })).toEqual([]);
    expect(await runs({ Date: "2022-07-01" })).toEqual(["r2", "r3", "r4", "r5", "r6", "r7", "r8"]);
    expect(await runs({ Date: "2022-07-01," })).toEqual(["r2", "r3", "r4", "r5", "r6", "r7", "r8"]);
    expect(await runs({ Date: ",2023-02-01" })).toEqual(["r1", "r2", "r3", "r4"]);
    expect(await runs({ Date: "2022-07-01,2023-02-01" })).toEqual(["r2", "r3", "r4"]);
    expect(await runs({ Date: "2022-07-01,2023-02-01,2023-04-01,2023-05-01" })).toEqual(["r2", "r3", "r4", "r6", "r7"]);
    expect(await runs({ Date: "2022-07-01,2023-02-01,2023-04-01" })).toEqual(["r2", "r3", "r4", "r6", "r7", "r8"]);
  });

  it("DATE stored as text (usage months) compares the same way", async () => {
    const usage = planDataset({ source: "usage", columns: ["month", "period", "customer"], filters: [], sort: { column: "period", direction: "asc" } });
    const months = async (value: string) => (await queryResource(usage, new URLSearchParams({ Month: value }), null)).data.map((r) => r.Month);
    expect(await months("2022-07-01")).toEqual(["2022-07-01", "2023-01-01"]);
    expect(await months(",2022-07-01")).toEqual(["2022-06-01", "2022-07-01"]);
    expect(await months("2022-06-15,2022-12-31")).toEqual(["2022-07-01"]);
  });

  it("DATETIME: is empty, a start, instants, an end day, between, intervals, interval or later than, offsets", async () => {
    expect(await runs({ Ended: "" })).toEqual(["r6"]);
    expect(await runs({ Started: "2022-07-01" })).toEqual(["r2", "r3", "r4", "r5", "r6", "r7", "r8"]);
    expect(await runs({ Started: "2022-07-01T00:00:01Z" })).toEqual(["r3", "r4", "r5", "r6", "r7", "r8"]);
    expect(await runs({ Started: ",2023-02-01" })).toEqual(["r1", "r2", "r3", "r4"]);
    expect(await runs({ Started: ",2023-02-01T12:00:00" })).toEqual(["r1", "r2", "r3"]);
    expect(await runs({ Started: "2022-07-01,2023-02-01" })).toEqual(["r2", "r3", "r4"]);
    expect(await runs({ Started: "2022-07-01,2023-02-01,2023-04-01,2023-05-01" })).toEqual(["r2", "r3", "r4", "r6", "r7"]);
    expect(await runs({ Started: "2022-07-01,2023-02-01,2023-04-01" })).toEqual(["r2", "r3", "r4", "r6", "r7", "r8"]);
    expect(await runs({ Started: "2022-07-01T02:00:00+02:00,2022-07-01T02:00:00+02:00" })).toEqual(["r2"]);
  });

  it("combines filters on several columns with AND, and matches column names in any case", async () => {
    expect(await runs({ endpoint: "beta", "size gb": "100,", Succeeded: "true" })).toEqual(["r6"]);
  });

  it("limits a customer-scoped key to its customer's rows, and a scope that matches nothing to nothing", async () => {
    const acme = await database.current.client.customer.findFirstOrThrow({ where: { name: "Acme Corp" } });
    expect(await runs({}, [acme.id])).toEqual(["r1", "r2", "r8"]);
    expect(await runs({ Succeeded: "true" }, [acme.id])).toEqual(["r1", "r8"]);
    expect(await runs({}, ["no-such-customer"])).toEqual([]);
    expect(await runs({}, [])).toEqual([]);
  });

  it("names the problem: unknown columns, repeated columns, values that do not parse", async () => {
    const plan = planDataset(RUNS);
    const fail = (params: Record<string, string> | [string, string][]) => queryResource(plan, new URLSearchParams(params), null);
    await expect(fail({ Colour: "red" })).rejects.toThrow(/Unknown column "Colour". Filter on: Id, Endpoint, Customer, Started, Date, Ended, Status, Succeeded, Size GB, Message/);
    await expect(fail([["Status", "a"], ["status", "b"]])).rejects.toThrow(/"Status" is given more than once/);
    await expect(fail({ "Size GB": "lots" })).rejects.toThrow(/"lots" is not a number \(column "Size GB"\)/);
    await expect(fail({ Date: "2023-02-30" })).rejects.toThrow(/"2023-02-30" is not a date \(column "Date"\)/);
    await expect(fail({ Started: "noon" })).rejects.toThrow(/"noon" is not a date or time \(column "Started"\)/);
    await expect(fail({ Succeeded: "maybe" })).rejects.toThrow(/"maybe" is not a boolean/);
    await expect(fail({ current: "0" })).rejects.toThrow(/current must be a whole number from 1/);
    await expect(fail({ size: "1001" })).rejects.toThrow(/size must be a whole number from 1 to 1000/);
  });

  it("groups for widgets and filters on measures after grouping (HAVING), measures as strings", async () => {
    const dataset = planDataset(RUNS);
    const definition: WidgetDefinition = {
      datasetId: "ds_test",
      groupBy: ["endpoint"],
      measures: [
        { name: "Runs", fn: "count" },
        { name: "Success Rate", fn: "rate", column: "status", value: "success" },
        { name: "Total GB", fn: "sum", column: "size_gb" },
        { name: "First", fn: "min", column: "started" },
      ],
      filters: [],
      sort: { by: "Runs", direction: "desc" },
    };
    const widget = planWidget(definition, dataset);
    const rows = async (filter: Record<string, string>) => (await queryResource(widget, new URLSearchParams(filter), null)).data;
    expect(await rows({})).toEqual([
      { Endpoint: "beta-laptop", Runs: "5", "Success Rate": "60", "Total GB": "551.4", First: "2022-12-31T12:00:00.000Z" },
      { Endpoint: "ACME-SRV01", Runs: "3", "Success Rate": "66.67", "Total GB": "22.6", First: "2022-06-30T23:30:00.000Z" },
    ]);
    expect((await rows({ Runs: "4," })).map((r) => r.Endpoint)).toEqual(["beta-laptop"]);
    expect((await rows({ Runs: "3" })).map((r) => r.Endpoint)).toEqual(["ACME-SRV01"]);
    expect((await rows({ "Success Rate": ",65" })).map((r) => r.Endpoint)).toEqual(["beta-laptop"]);
    expect((await rows({ First: "2022-07-01" })).map((r) => r.Endpoint)).toEqual(["beta-laptop"]);
    // Row filters apply before grouping.
    expect(await rows({ Status: "fail" })).toEqual([
      { Endpoint: "ACME-SRV01", Runs: "1", "Success Rate": "0", "Total GB": "12.6", First: "2022-07-01T00:00:00.000Z" },
      { Endpoint: "beta-laptop", Runs: "1", "Success Rate": "0", "Total GB": "105.1", First: "2023-03-15T10:00:00.000Z" },
    ]);
    // Widget pages: the total comes with the rows, and from a count past the last page.
    expect(await queryResource(widget, new URLSearchParams({ size: "1", current: "2" }), null)).toMatchObject({ total: 2, pages: 2, current: 2, data: [{ Endpoint: "ACME-SRV01" }] });
    expect(await queryResource(widget, new URLSearchParams({ size: "1", current: "5" }), null)).toMatchObject({ total: 2, pages: 2, current: 5, data: [] });
    expect(await queryResource(widget, new URLSearchParams({ size: "5" }), null)).toMatchObject({ total: 2, pages: 1 });
    expect(await queryResource(widget, new URLSearchParams({ Runs: "100," }), null)).toMatchObject({ total: 0, pages: 0, data: [] });
    const totals = planWidget({ ...definition, groupBy: [], sort: null }, dataset);
    const page = await queryResource(totals, new URLSearchParams(), null);
    expect(page).toMatchObject({ total: 1, pages: 1, data: [{ Runs: "8", "Success Rate": "62.5", "Total GB": "574" }] });
    expect((await queryResource(totals, new URLSearchParams({ Runs: "100," }), null)).total).toBe(0);
    expect((await queryResource(totals, new URLSearchParams({ current: "2" }), null)).data).toEqual([]);
  });
});
