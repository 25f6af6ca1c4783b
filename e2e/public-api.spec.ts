// The Public API as an admin sets it up and a customer's tool uses it: create a key (shown once), bind two datasets
// and a widget in the Add windows, switch the API on, then call the endpoints with the key alone and get paged,
// filtered data; unbinding and switching off refuse with the MSPbots answers. Runs after foundation.spec.ts (the
// admin exists); installs and syncs the demo itself. Screenshots at 1280, 1920 and 390 px land in e2e/screenshots/.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, signIn, snap } from "./helpers";

test.describe.configure({ mode: "serial" });

interface Envelope {
  code: number;
  msg: string;
  data: Record<string, string | number | boolean | null>[];
  total: number;
  size: number;
  current: number;
  pages: number;
}

async function syncDemo(request: APIRequestContext) {
  const installed = await request.post("/api/v1/demo");
  expect([201, 409]).toContain(installed.status());
  type Row = { connection: { id: string; isDemo: boolean }; lastSyncStatus: string | null };
  const demo = ((await (await request.get("/api/v1/sync")).json()) as Row[]).filter((row) => row.connection.isDemo);
  // Installing the demo starts its first sync; a sync already running answers 409 and is just as good.
  for (const row of demo) expect([202, 409]).toContain((await request.post(`/api/v1/connections/${row.connection.id}/sync`, { data: {} })).status());
  await expect
    .poll(async () => ((await (await request.get("/api/v1/sync")).json()) as Row[]).filter((r) => r.connection.isDemo && ["success", "partial"].includes(r.lastSyncStatus ?? "")).length, {
      timeout: 60_000,
      intervals: [500, 1000, 2000],
    })
    .toBe(demo.length);
}

async function bindFromPicker(page: Page, tab: "Dataset" | "Widget", names: string[]) {
  await page.getByRole("tab", { name: new RegExp(`^${tab} \\(`) }).click();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Add ${tab}` });
  await expect(dialog.getByRole("checkbox").first()).toBeVisible();
  for (const name of names) {
    await dialog.getByRole("searchbox").fill(name);
    await dialog.getByRole("checkbox", { name, exact: true }).check();
  }
  await dialog.getByRole("tab", { name: `Selected (${names.length})` }).click();
  for (const name of names) await expect(dialog.getByText(name, { exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: `Add Selected (${names.length})` }).click();
  await expect(dialog).toBeHidden();
}

test("an admin shares two datasets and a widget through a key; a tool reads them with the key alone", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, ADMIN);
  await syncDemo(page.request);

  await page.goto("/settings/public-api");
  await expect(page.getByRole("heading", { name: "Public API" })).toBeVisible();
  await page.getByRole("button", { name: "Add New Key" }).first().click();
  const form = page.getByRole("dialog", { name: "Add New Key" });
  await form.getByLabel("Name").fill("PSA sync");
  await form.getByLabel("Description").fill("The PSA reads backup status every night");
  await form.getByRole("button", { name: "Save" }).click();
  const secret = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(secret).toMatch(/^bcpk_[A-Za-z0-9_-]{43}$/);
  await snap(page, "30-public-api-key-once");
  await page.getByRole("button", { name: "I have copied it" }).click();
  // Never shown again: the page only knows its prefix.
  await expect(page.getByText(secret)).toHaveCount(0);

  await bindFromPicker(page, "Dataset", ["Endpoints with last backup", "Backup plans with last result"]);
  await bindFromPicker(page, "Widget", ["Endpoints by status"]);
  await page.getByRole("tab", { name: /^Dataset \(/ }).click();
  await expect(page.getByRole("button", { name: /\/api\/dataset\/ds_endpoints_last_backup/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /\/api\/dataset\/ds_plans_last_result/ })).toBeVisible();
  await page.getByRole("button", { name: /\/api\/dataset\/ds_endpoints_last_backup/ }).click();
  await expect(page.getByRole("cell", { name: "Last Backup", exact: true })).toBeVisible();
  await expect(page.getByTestId("sample-response")).toContainText('"code": 0');

  // A customer's tool: no cookies, only the apikey header.
  const tool = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { apikey: secret } });
  const off = await tool.get("/api/dataset/ds_endpoints_last_backup");
  expect([off.status(), await off.json()]).toEqual([401, { message: "Invalid API key in request" }]);

  await page.getByRole("switch", { name: "Enable Public API" }).click();
  await expect(page.getByText("Public API enabled")).toBeVisible();

  const all = (await (await tool.get("/api/dataset/ds_endpoints_last_backup?size=1000")).json()) as Envelope;
  expect(all.code).toBe(0);
  expect(all.total).toBeGreaterThan(10);
  const page2 = await tool.get("/api/dataset/ds_endpoints_last_backup?current=2&size=5&Vendor=msp360");
  expect(page2.status()).toBe(200);
  const filtered = (await page2.json()) as Envelope;
  const msp360 = all.data.filter((row) => row.Vendor === "msp360");
  expect(filtered).toMatchObject({ code: 0, msg: "success", current: 2, size: 5, total: msp360.length, pages: Math.ceil(msp360.length / 5) });
  expect(filtered.data.map((row) => row.Id)).toEqual(msp360.slice(5, 10).map((row) => row.Id));
  const since = (await (await tool.get(`/api/dataset/ds_plans_last_result?size=1000&Last%20Run=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)},`)).json()) as Envelope;
  expect(since.data.every((row) => row["Last Run"] !== null)).toBe(true);
  const widget = (await (await tool.get("/api/widget/wg_endpoints_by_status?size=100")).json()) as Envelope;
  expect(widget.data.reduce((sum, row) => sum + Number(row.Count), 0)).toBe(all.total);
  const unknown = await tool.get("/api/dataset/ds_endpoints_last_backup?Colour=red");
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { msg: string }).msg).toContain('Unknown column "Colour"');
  expect(await (await tool.get("/api/dataset/ds_customers")).json()).toEqual({ code: 500, msg: "The resourceId is invalid.", data: [] });

  await page.reload();
  await expect(page.getByRole("cell", { name: "/api/widget/wg_endpoints_by_status" }).first()).toBeVisible();
  await snap(page, "31-public-api-1280");
  await page.setViewportSize({ width: 1920, height: 1000 });
  await snap(page, "32-public-api-1920");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "33-public-api-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Unbinding ends access at once.
  await page.getByRole("button", { name: "Unbind Backup plans with last result" }).click();
  await page.getByRole("button", { name: "Confirm" }).click();
  // (An open dialog hides the page from the accessibility tree: wait for it to close first.)
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("button", { name: /\/api\/dataset\/ds_plans_last_result/ })).toHaveCount(0);
  expect(await (await tool.get("/api/dataset/ds_plans_last_result")).json()).toEqual({ code: 500, msg: "The resourceId is invalid.", data: [] });

  // Switching off refuses every key.
  await page.getByRole("switch", { name: "Enable Public API" }).click();
  await expect(page.getByText("Public API disabled")).toBeVisible();
  const refused = await tool.get("/api/dataset/ds_endpoints_last_backup");
  expect([refused.status(), await refused.json()]).toEqual([401, { message: "Invalid API key in request" }]);
  await tool.dispose();

  await page.goto("/settings/public-api/library");
  await expect(page.getByRole("heading", { name: "Endpoints with last backup" })).toBeVisible();
  await snap(page, "34-public-api-library");
});
