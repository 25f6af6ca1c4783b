import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

export const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };
export const VIEWER = { name: "Wall Display", email: "wall@example.com", password: "wall display password" };

/** Screenshots land in e2e/screenshots/ so a person can look at every page the tests visit. */
export async function snap(page: Page, name: string) {
  const dir = path.join(import.meta.dirname, "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "User menu" }).first().click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL("**/signin");
}
