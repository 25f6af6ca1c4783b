// The data pages with real (simulated) vendor data: the demo's MSP360 and Rackspace accounts are synced, then each
// page is visited the way a technician would, and a screenshot of each lands in e2e/screenshots/.
// Runs after foundation.spec.ts, which leaves the admin and a non-demo "MSP360 main" connection (never reachable,
// so the stale-data banner shows here too).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, signIn, snap } from "./helpers";

test.describe.configure({ mode: "serial" });

interface SyncRow {
  connection: { id: string; name: string; isDemo: boolean; vendor: string };
  lastSyncStatus: string | null;
}

/** Installs the demo if it is not there, asks both demo connections to sync now, and waits until both have. */
async function syncDemo(request: APIRequestContext) {
  const installed = await request.post("/api/v1/demo");
  expect([201, 409], await installed.text()).toContain(installed.status());
  const demo = ((await (await request.get("/api/v1/sync")).json()) as SyncRow[]).filter((row) => row.connection.isDemo);
  expect(demo.map((row) => row.connection.vendor).sort()).toEqual(["msp360", "rackspace"]);
  for (const row of demo) {
    // 202: started; 409: the install's own first sync is still running (the answer says since when).
    const started = await request.post(`/api/v1/connections/${row.connection.id}/sync`, { data: {} });
    expect([202, 409], await started.text()).toContain(started.status());
  }
  await expect
    .poll(
      async () => {
        const rows = (await (await request.get("/api/v1/sync")).json()) as SyncRow[];
        return rows.filter((row) => row.connection.isDemo && ["success", "partial"].includes(row.lastSyncStatus ?? "")).length;
      },
      { timeout: 60_000, intervals: [500, 1000, 2000] },
    )
    .toBe(2);
}

async function goto(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle").catch(() => {});
}

test("with both vendors synced, every data page shows what a technician needs", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, ADMIN);
  await syncDemo(page.request);

  // Overview: counts per status, the attention list, both vendors side by side, sync health.
  await goto(page, "/");
  await expect(page.getByRole("heading", { name: "Agents by status" })).toBeVisible();
  await expect(page.getByText(/^All [\d,]+ agents/)).toBeVisible();
  const vendors = page.getByTestId("vendor-summary");
  await expect(vendors.getByText("MSP360", { exact: true })).toBeVisible();
  await expect(vendors.getByText("Rackspace", { exact: true })).toBeVisible();
  await expect(page.getByTestId("sync-health-row").filter({ hasText: "Demo – Rackspace" })).toBeVisible();
  await snap(page, "20-overview");

  // Agents: both vendors in one table, a non-zero total, filters in the URL.
  await goto(page, "/agents");
  const agents = page.getByRole("table", { name: "Agents" });
  await expect(agents.getByText("MSP360", { exact: true }).first()).toBeVisible();
  await expect(agents.getByText("Rackspace", { exact: true }).first()).toBeVisible();
  const total = Number(((await page.getByRole("navigation", { name: "Pagination" }).locator("p").innerText()).match(/of ([\d,]+)/)?.[1] ?? "0").replace(/,/g, ""));
  expect(total).toBeGreaterThanOrEqual(100);
  await snap(page, "21-agents");
  await page.getByLabel("Vendor").selectOption("rackspace");
  await expect(page).toHaveURL(/vendor=rackspace/);
  await expect(agents.getByText("MSP360", { exact: true })).toHaveCount(0);
  // The demo's names are random: search for the last agent on the page by its name.
  const name = (await agents.locator("tbody tr").last().getByRole("link").first().innerText()).trim();
  await page.getByRole("searchbox", { name: "Search" }).fill(name);
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(name);
  await expect(agents.locator("tbody tr")).not.toHaveCount(0);
  await expect(agents.getByRole("link", { name, exact: true }).first()).toBeVisible();

  // Agent detail: summary, its plans, its runs and the raw vendor data.
  await agents.getByRole("link", { name, exact: true }).first().click();
  await expect(page).toHaveURL(/\/agents\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Backup plans/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Recent runs/ })).toBeVisible();
  await page.getByText("Raw vendor data").click();
  await expect(page.locator("pre")).toContainText("{");
  await snap(page, "22-agent-detail");

  // Backup plans, and one plan's detail (a Rackspace one, which lists its selection and retention).
  await goto(page, "/plans?vendor=rackspace");
  const plans = page.getByRole("table", { name: "Backup plans" });
  await expect(plans.getByText("Rackspace", { exact: true }).first()).toBeVisible();
  await snap(page, "23-plans");
  await plans.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/plans\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: "Schedule and results" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Protection" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Backed up/ })).toBeVisible();
  await snap(page, "24-plan-detail");

  // Activity: the success grid (a row per plan); a cell opens the list of that plan's runs on that day.
  await goto(page, "/activity");
  await expect(page.getByRole("list", { name: "Legend" })).toBeVisible();
  const cell = page.locator("a[data-status]").first();
  await expect(cell).toBeVisible();
  await snap(page, "25-activity-grid");
  await cell.click();
  await expect(page).toHaveURL(/view=list.*(configurationId|endpointId)=.*day=\d{4}-\d{2}-\d{2}|view=list.*day=.*(configurationId|endpointId)=/);
  await expect(page.getByText("Day (UTC)")).toBeVisible();
  await expect(page.getByRole("table", { name: "Runs" }).locator("tbody tr").first()).toBeVisible();

  // The run list shows failed runs, and a run's detail shows the vendor's report.
  await goto(page, "/activity?view=list&status=failed");
  const runs = page.getByRole("table", { name: "Runs" });
  await expect(runs.getByText("Failed", { exact: true }).first()).toBeVisible();
  await snap(page, "26-activity-failed-runs");
  await runs.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/activity\/runs\/[^/?]+$/);
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(page.getByText("Error reported by the vendor")).toBeVisible();
  await expect(page.getByRole("heading", { name: / report$/ })).toBeVisible();
  await snap(page, "27-run-detail");

  // Monitoring: counts and items by severity.
  await goto(page, "/monitoring");
  await expect(page.getByTestId("attention-item").first()).toBeVisible();
  await expect(page.getByTestId("count-failed")).toContainText(/\d/);
  await snap(page, "28-monitoring");

  // Billing: totals per vendor, the growth chart, and a CSV that downloads as CSV with its header row.
  await goto(page, "/billing");
  await expect(page.getByTestId("total-storage")).toContainText(/\d+(\.\d+)? (B|KB|MB|GB|TB|PB)/);
  await expect(page.getByTestId("usage-row").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Storage growth" })).toBeVisible();
  await snap(page, "29-billing");
  const href = await page.getByTestId("csv-export").getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/usage\?.*format=csv/);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toBe("period,vendor,connection,customer,endpoint,storage_bytes,storage_gb,cost");
});

test("the monitoring queue and the overview read well in the dark theme at 1920×1080", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, ADMIN);
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await goto(page, "/monitoring");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByTestId("attention-item").first()).toBeVisible();
  await snap(page, "30-monitoring-dark");
  // The old kiosk address explains the wall display (e2e/wall.spec.ts drives the wall itself).
  await goto(page, "/monitoring?kiosk=1");
  await expect(page).toHaveURL(/\/wall$/);
  await goto(page, "/");
  await expect(page.getByText("Agents by status").first()).toBeVisible();
  await snap(page, "31-overview-dark");
  await page.evaluate(() => localStorage.removeItem("theme"));
});
