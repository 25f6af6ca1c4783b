// The NOC wall through a display link, on a server of its own (killed and restarted here): an admin creates the
// link in Settings, a fresh Chromium with no cookies shows the wall (large type, screenshots at four sizes),
// cutting the network turns on the warning within two refresh periods and it recovers by itself, the wall comes
// back by itself after the app is killed and restarted, and revoking the link blanks it within one refresh.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { killHard, ownPort, startServer, waitForHealth } from "./server-process";
import { snap } from "./helpers";

test.describe.configure({ mode: "serial" });

const PORT = ownPort(50);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: "wall-admin@example.com", password: "wall-admin-password" };
const ENV = { DEMO: "1", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ALLOWED_VENDOR_URLS: "http://127.0.0.1" };
/** The link's refresh period, short so that the spec runs in seconds. */
const REFRESH_S = 3;
const PERIOD = REFRESH_S * 1000;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-console-wall-"));
let server: ReturnType<typeof startServer>;
let api: APIRequestContext;
let wallUrl = "";
let linkId = "";
let screen: BrowserContext;
let wall: Page;

async function signedInApi(): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: BASE });
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  await context.post("/api/auth/callback/credentials", { form: { csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" } });
  return context;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = startServer(PORT, dataDir, ENV);
  await waitForHealth(BASE);
  api = await signedInApi();
  type Row = { connection: { isDemo: boolean }; lastSyncStatus: string | null };
  await expect
    // A loaded machine may drop a request while the fresh server starts its first sync: asked again.
    .poll(async () => ((await (await api.get("/api/v1/sync").catch(() => null))?.json().catch(() => [])) as Row[] | undefined ?? []).filter((r) => r.connection.isDemo && ["success", "partial"].includes(r.lastSyncStatus ?? "")).length, {
      timeout: 120_000,
      intervals: [1000, 2000],
    })
    .toBe(2);
});

test.afterAll(async () => {
  await screen?.close();
  if (server) killHard(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openScreen(browser: Browser) {
  // A fresh browser profile: no cookies, no session, only the link.
  screen = await browser.newContext({ viewport: { width: 1920, height: 1080 }, colorScheme: "light" });
  expect(await screen.cookies()).toEqual([]);
  wall = await screen.newPage();
  await wall.goto(wallUrl);
}

test("an admin creates a display link; a fresh Chromium with no cookies shows the wall, readable from three metres", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 900 } });
  const page = await admin.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/settings/display-links");
  await page.getByRole("button", { name: "New display link" }).first().click();
  const form = page.getByRole("dialog", { name: "New display link" });
  await form.getByLabel("Screen name").fill("NOC left");
  await form.getByLabel("Refresh every (seconds)").fill(String(REFRESH_S));
  await form.getByLabel("Seconds per page").fill("8");
  await form.getByRole("button", { name: "Create link" }).click();
  wallUrl = (await page.getByTestId("new-display-link").textContent())!.trim();
  expect(wallUrl).toMatch(new RegExp(`^${BASE}/wall/bcdl_[A-Za-z0-9_-]{43}$`));
  await snap(page, "60-display-link-created");
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByText(wallUrl)).toHaveCount(0);
  await admin.close();

  await openScreen(browser);
  await expect(wall.getByTestId("wall")).toHaveAttribute("data-state", "live", { timeout: 30_000 });
  await expect(wall.getByTestId("wall-item").first()).toBeVisible();
  // Dark by default, no navigation, rows in at least 28 px type on a 1920×1080 screen.
  await expect(wall.locator(".dark")).toHaveCount(1);
  await expect(wall.getByRole("navigation")).toHaveCount(0);
  const rowPx = await wall.getByTestId("wall-item").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(rowPx).toBeGreaterThanOrEqual(28);
  // The link is seen: the admin list says when.
  const links = (await (await api.get("/api/v1/display-links")).json()) as { id: string; name: string; lastSeenAt: string | null }[];
  const link = links.find((l) => l.name === "NOC left")!;
  expect(link.lastSeenAt).not.toBeNull();
  linkId = link.id;

  for (const [width, height] of [[1920, 1080], [3840, 2160], [1280, 800], [390, 844]] as const) {
    await wall.setViewportSize({ width, height });
    await wall.waitForTimeout(400);
    await snap(wall, `61-wall-${width}x${height}`);
  }
  await wall.setViewportSize({ width: 1920, height: 1080 });
  // The pages rotate on their own.
  await expect(wall.getByRole("heading", { level: 1 })).not.toHaveText("Needs attention", { timeout: 15_000 });
  await snap(wall, "62-wall-second-page-1920");
});

test("cutting the app off turns on the warning within two refresh periods; it clears by itself", async () => {
  await expect(wall.getByTestId("wall")).toHaveAttribute("data-state", "live");
  await screen.setOffline(true);
  await expect(wall.getByTestId("wall-disconnected")).toBeVisible({ timeout: 2 * PERIOD });
  await expect(wall.getByTestId("wall-disconnected")).toContainText(/Disconnected since \d\d:\d\d; figures are from \d\d:\d\d/);
  await snap(wall, "63-wall-disconnected-1920");
  await screen.setOffline(false);
  await expect(wall.getByTestId("wall-disconnected")).toBeHidden({ timeout: 2 * PERIOD });
  await expect(wall.getByTestId("wall")).toHaveAttribute("data-state", "live");
});

test("the wall recovers by itself after the app is killed and restarted", async () => {
  test.setTimeout(300_000);
  killHard(server);
  await expect(wall.getByTestId("wall-disconnected")).toBeVisible({ timeout: 2 * PERIOD });
  server = startServer(PORT, dataDir, ENV);
  await waitForHealth(BASE);
  // No reload: the same page picks up again (a server just started answers slowly at first).
  await expect(wall.getByTestId("wall")).toHaveAttribute("data-state", "live", { timeout: 90_000 });
  // Whichever page the rotation shows, the counts are back.
  await expect(wall.getByTestId("wall-count-failed")).toBeVisible();
  api = await signedInApi();
});

test("revoking the link blanks the wall within one refresh", async () => {
  const revoked = await api.delete(`/api/v1/display-links/${linkId}`);
  expect(revoked.status()).toBe(200);
  await expect(wall.getByTestId("wall-refused")).toBeVisible({ timeout: PERIOD + 1500 });
  await expect(wall.getByTestId("wall-item")).toHaveCount(0);
  await expect(wall.getByTestId("wall-refused")).toContainText("This display link was revoked");
  await snap(wall, "64-wall-revoked-1920");
});
