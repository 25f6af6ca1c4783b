// Every page passes axe-core's WCAG 2 A and AA rules, in the light and the dark theme. The spec runs its own server
// (its own port and data directory, the demo installed at start) so it needs nothing from the other specs; it
// signs in, waits for the demo's first sync, then visits each page, including one agent, one plan and one run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, request as newRequest, test, type Browser, type Page } from "@playwright/test";
import { killHard, ownPort, startServer, waitForHealth } from "./server-process";

test.describe.configure({ mode: "serial" });

const PORT = ownPort(40);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: "axe@example.com", password: "accessible for everyone" };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-console-axe-"));
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const PAGES = [
  "/",
  "/agents",
  "/agents/{agent}",
  "/plans",
  "/plans/{plan}",
  "/activity",
  "/activity/runs/{run}",
  "/monitoring",
  "/billing",
  "/actions",
  "/settings",
  "/settings/connections",
  "/settings/users",
  "/settings/audit",
  "/settings/public-api",
  "/settings/public-api/library",
];

let server: ReturnType<typeof startServer> | undefined;
const ids: Record<string, string> = {};

/** The violations of a page, one line per element: rule, impact, where, and axe's summary of what is wrong. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact}) ${node.target.join(" ")}: ${(node.failureSummary ?? v.help).replace(/\s+/g, " ").slice(0, 300)}`),
  );
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => {});
  // Skeletons stand in for data that is still loading: check the page as a user reads it.
  await expect(page.locator("main [data-slot=skeleton], main .animate-pulse")).toHaveCount(0, { timeout: 10_000 }).catch(() => {});
}

async function signedIn(browser: Browser, colorScheme: "light" | "dark"): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE, colorScheme, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  return page;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = startServer(PORT, dataDir, { DEMO: "1", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ALLOWED_VENDOR_URLS: "http://127.0.0.1" });
  await waitForHealth(BASE);
  const request = await newRequest.newContext();
  const csrf = (await (await request.get(`${BASE}/api/auth/csrf`)).json()) as { csrfToken: string };
  await request.post(`${BASE}/api/auth/callback/credentials`, { form: { csrfToken: csrf.csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" } });
  type SyncRow = { connection: { isDemo: boolean }; lastSyncStatus: string | null };
  await expect
    .poll(async () => ((await (await request.get(`${BASE}/api/v1/sync`)).json()) as SyncRow[]).filter((r) => r.connection.isDemo && ["success", "partial"].includes(r.lastSyncStatus ?? "")).length, {
      timeout: 120_000,
      intervals: [1000, 2000],
    })
    .toBe(2);
  const first = async (route: string) => ((await (await request.get(`${BASE}${route}`)).json()) as { items: { id: string }[] }).items[0]!.id;
  ids.agent = await first("/api/v1/endpoints?pageSize=1&status=failed,warning,success");
  ids.plan = await first("/api/v1/configurations?pageSize=1&status=failed,warning,success");
  ids.run = await first("/api/v1/runs?pageSize=1");
  await request.dispose();
});

test.afterAll(() => {
  if (server) killHard(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

for (const theme of ["light", "dark"] as const) {
  test(`every page passes WCAG 2 A/AA in the ${theme} theme`, async ({ browser }) => {
    // Seventeen pages with axe on each: minutes on a loaded machine.
    test.setTimeout(900_000);
    const found: string[] = [];
    const signin = await (await browser.newContext({ baseURL: BASE, colorScheme: theme })).newPage();
    await signin.goto("/signin");
    await settle(signin);
    found.push(...(await violations(signin)).map((v) => `/signin: ${v}`));

    const page = await signedIn(browser, theme);
    for (const template of PAGES) {
      const route = template.replace(/\{(\w+)\}/, (_, key: string) => ids[key]!);
      await page.goto(route);
      await settle(page);
      await expect(page.locator("html")).toHaveClass(new RegExp(theme === "dark" ? "dark" : "^(?!.*dark)"));
      found.push(...(await violations(page)).map((v) => `${template}: ${v}`));
    }
    expect(found, `axe-core found ${found.length} violations in the ${theme} theme:\n${found.join("\n")}`).toEqual([]);
  });
}
