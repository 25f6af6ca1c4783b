// The built app, served by `npm start` on its own port, tried as an attacker and a careless client would:
// forged X-Forwarded-For against the sign-in throttle, a cookie kept after sign-out, open redirects after
// sign-in, a cookie that does not decode, bad paths and methods, and a secret pointed at another URL.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, request, test, type APIRequestContext, type Page } from "@playwright/test";
import { killHard, ownPort, startServer, waitForHealth } from "./server-process";
import { snap } from "./helpers";

const PORT = ownPort(30);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-console-hardening-"));
const ADMIN = { email: "hard@example.com", name: "Hard Admin", password: "a-hardened-password" };
let server: ReturnType<typeof startServer>;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = startServer(PORT, dataDir, { ALLOWED_VENDOR_URLS: "http://127.0.0.1" });
  await waitForHealth(BASE);
  const api = await request.newContext({ baseURL: BASE });
  expect((await api.post("/api/v1/setup", { data: ADMIN })).status()).toBe(201);
});

test.afterAll(() => {
  killHard(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Signs in through next-auth's own endpoint, as the sign-in page does; returns where next-auth would go. */
async function apiSignIn(api: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const response = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, headers });
  return ((await response.json()) as { url: string }).url;
}

async function adminApi(): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE });
  await apiSignIn(api, ADMIN.email, ADMIN.password);
  expect((await api.get("/api/v1/me")).status()).toBe(200);
  return api;
}

async function uiSignIn(page: Page, callbackUrl?: string) {
  await page.goto(callbackUrl === undefined ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a client sending a new X-Forwarded-For with every guess is throttled all the same", async () => {
  const admin = await adminApi();
  expect((await admin.post("/api/v1/users", { data: { email: "victim@example.com", name: "Victim", role: "viewer", password: "the-victims-password" } })).status()).toBe(201);
  const attacker = await request.newContext({ baseURL: BASE });
  for (let i = 0; i < 5; i++) {
    expect(await apiSignIn(attacker, "victim@example.com", `guess-${i}`, { "X-Forwarded-For": `203.0.113.${i}` })).toMatch(/error=invalid/);
  }
  expect(await apiSignIn(attacker, "victim@example.com", "the-victims-password", { "X-Forwarded-For": "203.0.113.200" })).toMatch(/error=throttled/);
  // The audit log has the real address, not the forged ones.
  const audit = await (await admin.get("/api/v1/audit?action=auth.signin&limit=20")).json();
  const attempts = (audit.items as { actorLabel: string; ip: string | null }[]).filter((e) => e.actorLabel === "victim@example.com");
  expect(attempts.length).toBeGreaterThanOrEqual(6);
  for (const attempt of attempts) expect(attempt.ip).toBe("127.0.0.1");
});

test("signing out ends the session on the server: a cookie copied before no longer works", async ({ page }) => {
  await uiSignIn(page);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const copied = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const thief = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Cookie: copied } });
  expect((await thief.get("/api/v1/me")).status()).toBe(200);
  await page.getByRole("button", { name: "User menu" }).first().click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL("**/signin");
  const after = await thief.get("/api/v1/me");
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ error: { code: "unauthorized" } });
});

test("after sign-in only same-site paths are followed", async ({ page }) => {
  for (const callbackUrl of ["/\\evil.example", "/%09/evil.example", "/\t/evil.example", "//evil.example", "https://evil.example/", `${BASE}//evil.example`]) {
    await page.context().clearCookies();
    await uiSignIn(page, callbackUrl);
    await page.waitForURL((url) => url.origin === BASE && !url.pathname.startsWith("/signin"));
    expect(new URL(page.url()).origin, callbackUrl).toBe(BASE);
  }
  await page.context().clearCookies();
  await uiSignIn(page, "/agents?status=failed");
  await page.waitForURL(`${BASE}/agents?status=failed`);
});

test("a cookie that does not decode breaks no page and no route", async ({ page }) => {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: "a", value: "%zz", url: BASE }, { name: "b", value: "%E0%A4%A", url: BASE }]);
  for (const url of ["/signin", "/", "/agents"]) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBeLessThan(500);
  }
  const api = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Cookie: "a=%zz" } });
  const me = await api.get("/api/v1/me");
  expect(me.status()).toBe(401);
  await uiSignIn(page);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expect((await page.goto("/agents"))!.status()).toBe(200);
});

test("bad percent-encoding, TRACE and an unparseable Origin get a 4xx, not a 500", async () => {
  const admin = await adminApi();
  const badPath = await admin.get("/api/v1/connections/%ff");
  expect(badPath.status()).toBe(400);
  expect(await badPath.json()).toMatchObject({ error: { code: "bad_request" } });
  expect((await admin.get("/agents/%ff")).status()).toBe(400);
  // TRACE would echo the request, cookies included; the raw request shows what a client sees.
  const trace = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(`${BASE}/api/health`, { method: "TRACE", headers: { Cookie: "secret=1" } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
  expect(trace.status).toBe(405);
  expect(trace.body).not.toContain("secret=1");
  const badOrigin = await admin.post("/api/v1/users", { data: {}, headers: { Origin: "http://[bad" } });
  expect(badOrigin.status()).toBe(403);
  const notJson = await admin.post("/api/v1/users", { data: "{}", headers: { "Content-Type": "text/plain; application/json" } });
  expect(notJson.status()).toBe(415);
  const crossSite = await admin.post("/api/v1/users", { data: {}, headers: { "Sec-Fetch-Site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
});

test("next-auth's redirects stay on the host the client asked for, whatever X-Forwarded-Host says", async () => {
  const api = await request.newContext({ baseURL: BASE });
  const response = await api.get("/api/auth/signin", { headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" }, maxRedirects: 0 });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  const location = response.headers()["location"] ?? "";
  expect(location).not.toContain("evil.example");
  expect(new URL(location, BASE).origin).toBe(BASE);
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
});

/** A listening "service" on loopback that records what reaches it and answers with a fixed body. */
async function collector(answer: { status: number; type: string; body: string }) {
  const received: string[] = [];
  const srv = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push(`${req.method} ${req.url} ${body}`);
      res.writeHead(answer.status, { "Content-Type": answer.type });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
  return { url, received, close: () => new Promise((resolve) => srv.close(resolve)) };
}

test("a stored secret is never sent to a changed URL, internal addresses are refused, internal bodies are not echoed", async ({ page }) => {
  const internal = await collector({ status: 401, type: "text/html", body: "<html><title>Router admin</title>internal-admin-panel</html>" });
  const elsewhere = await collector({ status: 200, type: "application/json", body: "{}" });
  const admin = await adminApi();
  try {
    const secret = "the-stored-api-password";
    const created = await (await admin.post("/api/v1/connections", { data: { vendor: "msp360", name: "Pointed", username: "u", secret, baseUrl: internal.url } })).json();
    const tested = await (await admin.post(`/api/v1/connections/${created.id}/test`)).json();
    expect(tested.ok).toBe(false);
    expect(tested.message).not.toMatch(/internal-admin-panel|Router admin/);

    const moved = await admin.patch(`/api/v1/connections/${created.id}`, { data: { baseUrl: elsewhere.url } });
    expect(moved.status()).toBe(422);
    expect((await moved.json()).error.details[0]).toMatchObject({ path: "secret" });
    await admin.post(`/api/v1/connections/${created.id}/test`);
    await admin.post(`/api/v1/connections/${created.id}/sync`);
    await new Promise((r) => setTimeout(r, 1000));
    expect(elsewhere.received).toEqual([]);

    // This server opens http://127.0.0.1 (the tests' loopback ports); everything else internal stays shut.
    for (const baseUrl of ["http://169.254.169.254/latest/meta-data", "http://[::ffff:a9fe:a9fe]/", "http://2886729729/", "http://[::1]:6379", "http://localhost:5432", "https://127.0.0.1/"]) {
      const refused = await admin.post("/api/v1/connections", { data: { vendor: "msp360", name: "Inward", username: "u", secret: "s", baseUrl } });
      expect(refused.status(), baseUrl).toBe(422);
      expect((await refused.json()).error.details[0], baseUrl).toMatchObject({ path: "baseUrl", message: expect.stringMatching(/ALLOWED_VENDOR_URLS/) });
    }

    // The form asks for the secret again when the URL changes, before anything is sent.
    await uiSignIn(page);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.goto("/settings/connections");
    await page.getByRole("row", { name: /Pointed/ }).getByRole("button", { name: /Edit/ }).click();
    await page.getByLabel("API base URL (optional)").fill(elsewhere.url);
    await expect(page.getByText("The URL changed, so enter it again")).toBeVisible();
    for (const width of [1280, 1920, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await snap(page, `hardening-connection-url-changed-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("The URL changed: enter the API password again.")).toBeVisible();
    expect(elsewhere.received).toEqual([]);
  } finally {
    await internal.close();
    await elsewhere.close();
  }
});
