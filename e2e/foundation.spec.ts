// The first visit to a fresh install, as an admin and then as a viewer, in a real browser against the built app.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN, VIEWER, signIn, signOut, snap } from "./helpers";

test.describe.configure({ mode: "serial" });

const MSP360_SECRET = "e2e-msp360-api-password-4711";

test("a fresh install leads to setup, which creates the first admin and signs in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await snap(page, "01-setup");
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await page.getByLabel("Password").fill(ADMIN.password);
  // Demo data is offered (ticked by default); this run starts without it and adds it in the last test.
  await page.getByLabel("Explore with demo data").uncheck();
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText("Nothing to show yet")).toBeVisible();
  await snap(page, "02-overview-empty");
});

test("an admin adds a connection; its secret is stored encrypted and never returned", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Connections" }).click();
  await expect(page.getByText("No vendor connected yet")).toBeVisible();
  await snap(page, "03-connections-empty");
  await page.getByRole("button", { name: "Add connection" }).click();
  await page.getByLabel("Display name").fill("MSP360 main");
  await page.getByLabel("API login").fill("api-login-e2e");
  await page.getByLabel("API password").fill(MSP360_SECRET);
  await page.getByLabel("API base URL (optional)").fill("not a url");
  await page.getByRole("button", { name: "Add connection" }).last().click();
  await expect(page.getByText("Enter a full http:// or https:// URL.", { exact: true })).toBeVisible();
  await snap(page, "04-connection-validation");
  // Tests talk to nothing but loopback: a closed local port stands in for the vendor (its sync fails: stale).
  await page.getByLabel("API base URL (optional)").fill("http://127.0.0.1:9");
  await page.getByRole("button", { name: "Add connection" }).last().click();
  await expect(page.getByRole("cell", { name: "MSP360 main", exact: true })).toBeVisible();
  await expect(page.getByText(/^Set ·/)).toBeVisible();
  await snap(page, "05-connections-list");

  const listed = await page.request.get("/api/v1/connections");
  expect(listed.status()).toBe(200);
  const text = await listed.text();
  expect(text).toContain("MSP360 main");
  expect(text).not.toContain(MSP360_SECRET);

  const dataDir = process.env.E2E_DATA_DIR!;
  for (const file of fs.readdirSync(dataDir).filter((f) => f.startsWith("app.db"))) {
    expect(fs.readFileSync(path.join(dataDir, file)).includes(MSP360_SECRET), `${file} holds the secret in clear`).toBe(false);
  }
});

test("an admin creates a viewer, who is refused every admin page and route", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings/users");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(VIEWER.name);
  await dialog.getByLabel("Email").fill(VIEWER.email);
  await dialog.getByLabel("Role").selectOption("viewer");
  await dialog.getByLabel("Initial password").fill(VIEWER.password);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("cell", { name: VIEWER.email, exact: true })).toBeVisible();
  await snap(page, "06-users");
  await signOut(page);

  await signIn(page, VIEWER);
  await expect(page.getByRole("link", { name: "Connections" })).toHaveCount(0);
  await snap(page, "07-viewer-overview");
  for (const adminPage of ["/settings/connections", "/settings/users", "/settings/audit", "/settings/public-api"]) {
    const response = await page.goto(adminPage);
    expect(response?.status(), adminPage).toBe(403);
    await expect(page.getByText("You don't have access to this page")).toBeVisible();
  }
  await snap(page, "08-viewer-forbidden");
  for (const [method, route] of [["GET", "/api/v1/users"], ["POST", "/api/v1/connections"], ["GET", "/api/v1/audit"]] as const) {
    const response = await page.request.fetch(route, { method, data: method === "POST" ? {} : undefined });
    expect(response.status(), `${method} ${route}`).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  }
});

test("the audit log shows sign-ins, the new user and the new connection", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: "connection.create", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "user.create", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "access.denied", exact: true }).first()).toBeVisible();
  await page.getByLabel("Outcome").selectOption("denied");
  await expect(page.getByRole("cell", { name: "user.create", exact: true })).toHaveCount(0);
  await snap(page, "09-audit");
});

test("an admin explores with demo data from simulated vendors, then removes it in one click", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/settings/connections");
  await page.getByRole("button", { name: "Explore with demo data" }).click();
  await expect(page.getByRole("cell", { name: "Demo – MSP360 Demo", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Demo – Rackspace Demo", exact: true })).toBeVisible();
  await expect(page.getByText("The demo connections talk to simulated MSP360 and Rackspace accounts")).toBeVisible();
  await snap(page, "10-connections-demo");

  // The in-app simulator refuses credentials other than the demo's own.
  const login = await page.request.post("/sim/msp360/api/Provider/Login", { data: { UserName: "someone", Password: "guess" } });
  expect(login.status()).toBe(400);
  expect((await login.json()).error).toBe("invalid_grant");

  await page.getByRole("button", { name: "Remove demo" }).click();
  await expect(page.getByRole("cell", { name: "Demo – MSP360 Demo", exact: true })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "MSP360 main", exact: true })).toBeVisible();
  expect((await page.request.post("/sim/msp360/api/Provider/Login", { data: {} })).status()).toBe(404);
});

test("on a phone the navigation menu reaches every area", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN);
  await page.getByRole("button", { name: "Navigation" }).click();
  await snap(page, "11-phone-navigation");
  await page.getByRole("menuitem", { name: "Backup plans" }).click();
  await expect(page.getByRole("heading", { name: "Backup plans" })).toBeVisible();
  await page.getByRole("button", { name: "Navigation" }).click();
  await page.getByRole("menuitem", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
});
