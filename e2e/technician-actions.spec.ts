// Acting from one place, in a real browser against the demo simulators: a technician restores chosen files from an
// encrypted Rackspace vault (refused with a wrong password, started with the right one), stops a running backup,
// starts one and watches it complete (the demo clock is moved on), wakes an offline agent, and creates, edits and
// deletes a Rackspace backup plan; an admin creates an
// MSP360 user and grants it a license. Each shows in the actions feed and the audit log. Runs alone or after the
// other specs: it makes its admin (if none), its technician and the demo itself. Screenshots land in e2e/screenshots/.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ADMIN, signIn, snap } from "./helpers";

test.describe.configure({ mode: "serial" });

const TECHNICIAN = { name: "Tess Technician", email: "tess@example.com", password: "technician password 42" };

interface Endpoint {
  id: string;
  vendorId: string;
  name: string;
  online: boolean;
  enabled: boolean;
  status: string;
  customer: { id: string; name: string } | null;
}
interface Configuration {
  id: string;
  name: string;
  enabled: boolean;
  status: string;
  endpoint: { id: string; name: string };
}

async function adminPage(browser: Browser, baseURL: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  // A fresh install gets its first admin here; after foundation.spec.ts it exists already (409).
  const setup = await page.request.post("/api/v1/setup", { data: ADMIN });
  expect([201, 409]).toContain(setup.status());
  await signIn(page, ADMIN);
  return page;
}

async function syncDemo(request: APIRequestContext) {
  const installed = await request.post("/api/v1/demo");
  expect([201, 409]).toContain(installed.status());
  type Row = { connection: { id: string; isDemo: boolean }; lastSyncStatus: string | null };
  await expect
    .poll(
      async () => {
        // A loaded machine may drop a connection while the first sync runs: that poll counts as not yet.
        const rows = (await request
          .get("/api/v1/sync")
          .then((answer) => answer.json())
          .catch(() => [])) as Row[];
        return rows.filter((r) => r.connection.isDemo && ["success", "partial"].includes(r.lastSyncStatus ?? "")).length;
      },
      {
        timeout: 120_000,
        intervals: [500, 1000, 2000],
      },
    )
    .toBe(2);
}

let admin: Page;
let agents: Endpoint[] = [];
let plans: Configuration[] = [];
const used = new Set<string>();

/** A Rackspace plan that is enabled, not running, on an online and enabled agent, not used by an earlier step. */
function idlePlans(): Configuration[] {
  const online = new Set(agents.filter((a) => a.online && a.enabled && a.status !== "disabled").map((a) => a.id));
  return plans.filter((p) => p.enabled && p.status !== "running" && online.has(p.endpoint.id) && !used.has(p.id) && !used.has(p.endpoint.id));
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  admin = await adminPage(browser, baseURL!);
  await syncDemo(admin.request);
  const created = await admin.request.post("/api/v1/users", { data: { ...TECHNICIAN, role: "technician" } });
  expect([201, 409]).toContain(created.status());
  agents = ((await (await admin.request.get("/api/v1/endpoints?vendor=rackspace&pageSize=500")).json()) as { items: Endpoint[] }).items;
  plans = ((await (await admin.request.get("/api/v1/configurations?vendor=rackspace&pageSize=500")).json()) as { items: Configuration[] }).items;
  expect(plans.length).toBeGreaterThan(0);
});

test.afterAll(async () => {
  await admin?.context().close();
});

test("a technician restores chosen files from an encrypted vault: a wrong password is refused in words, the right one starts it", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, TECHNICIAN);

  // A plan whose vault is encrypted and that has a backup to restore from.
  let plan: Configuration | null = null;
  for (const candidate of idlePlans()) {
    const points = (await (await page.request.get(`/api/v1/configurations/${candidate.id}/restore-points`)).json()) as { points: unknown[]; encrypted: boolean };
    if (points.encrypted && points.points.length > 0) {
      plan = candidate;
      break;
    }
  }
  if (!plan) throw new Error("the demo has no encrypted Rackspace plan with a restorable backup on an online agent");
  used.add(plan.id).add(plan.endpoint.id);
  const agent = agents.find((a) => a.id === plan.endpoint.id)!;

  await page.goto(`/plans/${plan.id}`);
  await page.getByRole("button", { name: "Restore", exact: true }).click();
  const wizard = page.getByRole("dialog", { name: `Restore ${plan.name}` });
  await expect(wizard.getByText("This vault is encrypted")).toBeVisible();
  await wizard.getByRole("radio").first().check();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByLabel("Chosen files and folders").check();
  await wizard.getByLabel("File or folder path").fill("/home/finance/report.xlsx");
  await wizard.getByRole("button", { name: "Add" }).click();
  await expect(wizard.getByText("/home/finance/report.xlsx")).toBeVisible();
  await snap(page, "40-restore-chosen-files");
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByLabel("Path on that agent").fill("/restore");
  await wizard.getByRole("button", { name: "Next" }).click();
  await expect(wizard.getByText("/home/finance/report.xlsx")).toBeVisible();

  await wizard.getByLabel("Vault password").fill("not-the-passphrase");
  await wizard.getByRole("button", { name: "Start the restore" }).click();
  const refusal = wizard.getByRole("alert");
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(refusal).toContainText(/password/i);
  await snap(page, "41-restore-wrong-password");

  await wizard.getByLabel("Vault password").fill(`passphrase-${agent.vendorId}`);
  await wizard.getByRole("button", { name: "Start the restore" }).click();
  await expect(wizard).toBeHidden({ timeout: 30_000 });
  const status = page.locator("[data-action-state]").last();
  await expect(status).toContainText("Restore", { timeout: 30_000 });
  await expect(status).not.toHaveAttribute("data-action-state", "failed");
  await snap(page, "42-restore-started");

  // Nothing of the password was kept: not in the action, not in the feed.
  const feed = await (await page.request.get("/api/v1/actions?type=restore.start")).text();
  expect(feed).not.toContain(`passphrase-${agent.vendorId}`);
  expect(feed).not.toContain("not-the-passphrase");
});

/** As a technician, starts a backup of an idle Rackspace plan from its page; resolves once it runs at the vendor. */
async function startBackupOfIdlePlan(page: Page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, TECHNICIAN);
  const plan = idlePlans()[0];
  if (!plan) throw new Error("no idle Rackspace plan on an online agent");
  used.add(plan.id).add(plan.endpoint.id);

  await page.goto(`/plans/${plan.id}`);
  await page.getByRole("button", { name: "Start backup" }).click();
  const status = page.locator("[data-action-state]").last();
  await expect(status).toHaveAttribute("data-action-state", "running", { timeout: 30_000 });
  return status;
}

test("a technician stops a running backup from its run page", async ({ page }) => {
  test.setTimeout(120_000);
  const status = await startBackupOfIdlePlan(page);
  await status.getByRole("link", { name: "Open the run" }).click();
  await expect(page).toHaveURL(/\/activity\/runs\//);
  await page.getByRole("button", { name: "Stop backup" }).click();
  const confirm = page.getByRole("dialog", { name: "Stop backup?" });
  await expect(confirm).toContainText("What it already uploaded stays");
  await snap(page, "43-stop-confirm");
  await confirm.getByRole("button", { name: "Stop backup" }).click();
  await expect(page.locator("[data-action-state]").last()).toContainText("Stop backup", { timeout: 30_000 });
  // Followed live at the vendor until the backup has stopped: the status stays on the page, the Stop button goes.
  await expect(page.locator("[data-action-state]").last()).toHaveAttribute("data-action-state", "succeeded", { timeout: 90_000 });
  await expect(page.locator("[data-action-state]").last()).toContainText("Stop backup: Done");
  await expect(page.getByText("Stopped").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Stop backup" })).toHaveCount(0);
  await snap(page, "44-backup-stopped");
});

test("a technician starts a backup and watches it run to its end", async ({ page }) => {
  test.setTimeout(180_000);
  const status = await startBackupOfIdlePlan(page);
  await snap(page, "45-backup-running");

  // The demo's clock moves a day on: the backup ends at the vendor, and the page, following it, says so.
  const moved = await admin.request.post("/api/v1/demo/simulators/rackspace/_sim/clock", { data: { advance: "1d" } });
  expect(moved.status(), await moved.text()).toBeLessThan(300);
  await expect(status).toHaveAttribute("data-action-state", /succeeded|failed/, { timeout: 90_000 });
  // The simulated vendor decides how the backup ends, as a real one would: either way the page says it in words.
  await expect(status).toContainText(/Backup (completed|succeeded|finished|done|failed)|Done/i);
  await snap(page, "46-backup-done");
  await status.getByRole("link", { name: "Open the run" }).click();
  await expect(page).toHaveURL(/\/activity\/runs\//);
  await snap(page, "47-backup-run");
});

test("a technician wakes an offline agent", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, TECHNICIAN);
  const now = ((await (await page.request.get("/api/v1/endpoints?vendor=rackspace&status=offline&pageSize=50")).json()) as { items: Endpoint[] }).items;
  const agent = now[0];
  if (!agent) throw new Error("the demo has no offline Rackspace agent");

  await page.goto(`/agents/${agent.id}`);
  await page.getByRole("button", { name: "Wake up agents" }).click();
  const status = page.locator("[data-action-state]").last();
  await expect(status).toHaveAttribute("data-action-state", "succeeded", { timeout: 30_000 });
  await expect(status).toContainText("asked the account's agents to wake up");
  await snap(page, "48-agent-woken");
});

test("a technician wakes all offline agents of a customer at once, after a preview of each", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, TECHNICIAN);
  const offline = ((await (await page.request.get("/api/v1/endpoints?vendor=rackspace&status=offline&pageSize=50")).json()) as { items: Endpoint[] }).items;
  const customer = offline.find((a) => a.customer)?.customer;
  if (!customer) throw new Error("the demo has no offline Rackspace agent of a customer");
  // The customer may have agents at both vendors: every offline one is listed, Rackspace's can be woken.
  const ofCustomer = ((await (await page.request.get(`/api/v1/endpoints?customerId=${customer.id}&status=offline&pageSize=200`)).json()) as { items: (Endpoint & { vendor: string })[] }).items;
  const listed = ofCustomer.length;
  const count = ofCustomer.filter((a) => a.vendor === "rackspace").length;

  await page.goto(`/monitoring?customerId=${customer.id}`);
  await page.getByRole("button", { name: /Wake offline agents/ }).click();
  const dialog = page.getByRole("dialog", { name: `Wake all offline agents of ${customer.name}` });
  await expect(dialog.getByTestId("bulk-target")).toHaveCount(listed, { timeout: 30_000 });
  await expect(dialog.getByText("Nothing is sent yet")).toBeVisible();
  await snap(page, "49-bulk-wake-preview");
  await dialog.getByRole("button", { name: new RegExp(`^Wake ${count} agent`) }).click();
  await expect(dialog.getByTestId("bulk-summary")).toContainText(`${count} done`, { timeout: 60_000 });
  await expect(dialog.getByText("asked the account's agents to wake up").first()).toBeVisible();
  await snap(page, "49-bulk-wake-done");
});

test("a technician creates a Rackspace plan with a folder and an exclusion, edits its schedule, and deletes it by typing its name", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, TECHNICIAN);
  const agent = agents.find((a) => a.online && a.enabled && !used.has(a.id));
  if (!agent) throw new Error("no online Rackspace agent left");
  used.add(agent.id);
  const name = `E2E website files ${Date.now() % 100000}`;

  await page.goto(`/agents/${agent.id}`);
  await page.getByRole("button", { name: "New backup plan" }).click();
  const form = page.getByRole("form", { name: "New backup plan" });
  // The vendor's rules are checked before anything is sent, in words at the field.
  await form.getByRole("button", { name: "Create plan" }).click();
  await expect(form.getByText("Enter a name for the plan.")).toBeVisible();
  await expect(form.getByText("Enter the email address to notify.")).toBeVisible();
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email to notify").fill("ops@example.com, not-an-address");
  const backUp = form.getByRole("group", { name: "Back up", exact: true });
  await backUp.getByRole("button", { name: "Add a path to back up" }).click();
  await backUp.getByLabel("Back up: path 1", { exact: true }).fill("inetpub");
  await form.getByRole("button", { name: "Create plan" }).click();
  await expect(form.getByText('"not-an-address" is not an email address.')).toBeVisible();
  await expect(form.getByText(/Enter a full path/)).toBeVisible();
  await snap(page, "49a-plan-new-invalid");

  await form.getByLabel("Email to notify").fill("ops@example.com");
  await backUp.getByLabel("Back up: path 1", { exact: true }).fill("C:\\inetpub\\wwwroot");
  const exclude = form.getByRole("group", { name: "Exclude", exact: true });
  await exclude.getByRole("button", { name: "Add a path to exclude" }).click();
  await exclude.getByLabel("Exclude: path 1", { exact: true }).fill("C:\\inetpub\\wwwroot\\logs");
  await form.getByLabel("Keep versions for").selectOption("60");
  await snap(page, "49b-plan-new-form");
  await form.getByRole("button", { name: "Create plan" }).click();

  // Created at Rackspace and synced before the answer: the plan's own page opens with its selection.
  await expect(page).toHaveURL(/\/plans\//, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByText("C:\\inetpub\\wwwroot", { exact: true })).toBeVisible();
  await expect(page.getByText("C:\\inetpub\\wwwroot\\logs", { exact: true })).toBeVisible();
  await expect(page.getByText("Daily at 01:00").first()).toBeVisible();
  await snap(page, "49c-plan-created");

  // Edit: the form starts from Rackspace's plan as it is now.
  await page.getByRole("button", { name: "Edit plan" }).click();
  const edit = page.getByRole("form", { name: "Edit backup plan" });
  await expect(edit.getByLabel("Name")).toHaveValue(name, { timeout: 30_000 });
  await expect(edit.getByLabel("Exclude: path 1", { exact: true })).toHaveValue("C:\\inetpub\\wwwroot\\logs");
  await edit.getByLabel("Frequency").selectOption("Weekly");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText("A weekly plan needs a day of the week (0 = Sunday … 6 = Saturday).")).toBeVisible();
  await edit.getByLabel("Day of the week").selectOption("Friday");
  await edit.getByLabel("Hour").selectOption("11");
  await edit.getByLabel("Minute").selectOption("30");
  await edit.getByLabel("AM/PM").selectOption("PM");
  await snap(page, "49d-plan-edit-form");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden({ timeout: 30_000 });
  // Both the synced schedule and Rackspace's own description, read again, show the new schedule.
  await expect(page.getByText("Weekly on Friday at 23:30")).toHaveCount(2, { timeout: 30_000 });
  await snap(page, "49e-plan-edited");

  // The form on a phone and in the dark theme.
  const look = async (width: number, height: number, scheme: "light" | "dark", shot: string) => {
    const context = await browser.newContext({ baseURL, viewport: { width, height }, colorScheme: scheme, isMobile: width < 500 });
    const other = await context.newPage();
    await signIn(other, TECHNICIAN);
    await other.goto(page.url());
    await other.getByRole("button", { name: "Edit plan" }).click();
    await expect(other.getByRole("form", { name: "Edit backup plan" }).getByLabel("Name")).toHaveValue(name, { timeout: 30_000 });
    await other.screenshot({ path: `e2e/screenshots/${shot}.png` });
    await context.close();
  };
  await look(390, 844, "light", "49f-plan-form-phone");
  await look(1280, 900, "dark", "49g-plan-form-dark");

  // Deleting asks for the plan's name, typed.
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Delete plan…" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete plan?" });
  const remove = confirm.getByRole("button", { name: "Delete plan" });
  await expect(remove).toBeDisabled();
  await confirm.getByLabel(/Type .* to confirm/).fill(name.toUpperCase());
  await expect(remove).toBeDisabled();
  await confirm.getByLabel(/Type .* to confirm/).fill(name);
  await snap(page, "49h-plan-delete-confirm");
  await remove.click();
  const status = page.locator("[data-action-state]").last();
  await expect(status).toHaveAttribute("data-action-state", "succeeded", { timeout: 30_000 });
  await expect(status).toContainText("deleted at Rackspace");
  const planId = page.url().split("/plans/")[1]!;
  await expect.poll(async () => ((await (await page.request.get(`/api/v1/configurations/${planId}`)).json()) as { removed: boolean }).removed, { timeout: 60_000 }).toBe(true);
  await page.reload();
  await expect(page.getByText("· removed at the vendor")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("none: removed at the vendor")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit plan" })).toHaveCount(0);
  await snap(page, "49i-plan-deleted");
});

test("an admin creates an MSP360 user and grants it a license; MSP360's refusal is shown in its words", async () => {
  test.setTimeout(120_000);
  const page = admin;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/settings");
  await page.getByRole("link", { name: /MSP360/ }).first().click();
  await expect(page).toHaveURL(/\/settings\/msp360/);
  // With one MSP360 account the page opens it; with several (foundation.spec.ts adds one) the admin picks the demo's.
  const connections = (await (await page.request.get("/api/v1/connections")).json()) as { id: string; vendor: string; isDemo: boolean }[];
  const demo = connections.find((c) => c.vendor === "msp360" && c.isDemo)!;
  if (connections.filter((c) => c.vendor === "msp360").length > 1) await page.locator(`a[href="/settings/msp360/${demo.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/settings/msp360/${demo.id}`));
  await expect(page.getByRole("tab", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible({ timeout: 30_000 });
  await snap(page, "50-msp360-users");

  const email = `e2e.${Date.now()}@example.com`;
  await page.getByRole("button", { name: "Add user" }).click();
  const form = page.getByRole("dialog", { name: "Add an MSP360 user" });
  await form.getByLabel("Email", { exact: true }).fill("not an email");
  await form.getByLabel("Password", { exact: true }).fill("abc");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("Enter a valid email address.")).toBeVisible();
  await expect(form.getByText("At least 6 characters.")).toBeVisible();
  await snap(page, "51-msp360-user-validation");
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill("Str0ng-pass!");
  await form.getByLabel("First name").fill("Erin");
  await form.getByLabel("Last name").fill("Example");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole("cell", { name: /Erin Example/ })).toBeVisible({ timeout: 30_000 });

  // The same email again: MSP360 refuses, and its answer shows in the form.
  await page.getByRole("button", { name: "Add user" }).click();
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill("Str0ng-pass!");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("alert")).toContainText(/MSP360/, { timeout: 30_000 });
  await snap(page, "52-msp360-refusal");
  await form.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("tab", { name: "Licenses" }).click();
  await page.getByLabel("Show").selectOption("free");
  const free = page.getByTestId("license-row").first();
  await expect(free).toBeVisible({ timeout: 30_000 });
  await free.getByRole("button", { name: /Grant/ }).click();
  const grant = page.getByRole("dialog", { name: /Grant license/ });
  await grant.getByLabel("User", { exact: true }).selectOption({ label: email });
  await snap(page, "53-msp360-grant");
  await grant.getByRole("button", { name: "Grant license" }).click();
  await expect(grant).toBeHidden({ timeout: 30_000 });
  await page.getByLabel("Show").selectOption("taken");
  await expect(page.getByTestId("license-row").filter({ hasText: email })).toBeVisible({ timeout: 30_000 });
  await snap(page, "54-msp360-license-granted");

  // A storage account gets a bucket, which shows in its list at once.
  await page.getByRole("tab", { name: "Storage" }).click();
  await page.getByRole("button", { name: /^Buckets of / }).first().click();
  const buckets = page.getByRole("dialog", { name: /^Buckets of / });
  await buckets.getByRole("button", { name: "Add bucket" }).click();
  await buckets.getByLabel("New: MSP360 creates it").check();
  await buckets.getByLabel("Bucket or container name").fill("Not_A_Bucket");
  await buckets.getByRole("button", { name: "Create bucket" }).click();
  await expect(buckets.getByText(/lowercase letters/)).toBeVisible();
  await buckets.getByLabel("Bucket or container name").fill("e2e-fresh-bucket");
  await buckets.getByRole("button", { name: "Create bucket" }).click();
  await expect(buckets.getByText("e2e-fresh-bucket")).toBeVisible({ timeout: 30_000 });
  await snap(page, "54b-msp360-buckets");
  await page.keyboard.press("Escape");

  // Deleting asks which deletion, in words that cannot be confused, and the email typed.
  await page.getByRole("tab", { name: "Users" }).click();
  await page.getByRole("button", { name: `Delete ${email}` }).click();
  const remove = page.getByRole("dialog", { name: `Delete ${email}?` });
  await expect(remove.getByText("Delete the account only; keep its backups")).toBeVisible();
  await expect(remove.getByText("Delete the account and erase all its backups")).toBeVisible();
  await remove.getByText("Delete the account and erase all its backups").click();
  await expect(remove.getByRole("button", { name: "Delete account and erase backups" })).toBeDisabled();
  await snap(page, "55-msp360-delete-choice");
  await remove.getByRole("button", { name: "Cancel" }).click();

  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, "56-msp360-users-phone");
});

test("every action shows in the actions feed and the audit log", async () => {
  const page = admin;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/actions");
  const feed = page.getByRole("table");
  for (const label of ["Restore", "Stop backup", "Start backup", "Wake up agents", "New backup plan", "Edit plan", "Delete plan"]) {
    await expect(feed.getByRole("cell", { name: label, exact: true }).first()).toBeVisible({ timeout: 30_000 });
  }
  await expect(feed.getByText(TECHNICIAN.email).first()).toBeVisible();
  const changes = page.getByRole("list", { name: "MSP360 administration changes" });
  await expect(changes.getByText("Created user").first()).toBeVisible();
  await expect(changes.getByText("Granted license").first()).toBeVisible();
  await snap(page, "57-actions-feed");

  type AuditPage = { items: { action: string; actorLabel: string | null; outcome: string }[] };
  const audit = (await (await page.request.get("/api/v1/audit?limit=200")).json()) as AuditPage;
  const actions = audit.items.map((e) => e.action);
  for (const action of [
    "action.restore.start",
    "action.backup.stop",
    "action.backup.start",
    "action.agent.wake",
    "action.configuration.create",
    "action.configuration.update",
    "action.configuration.delete",
    "msp360.user.create",
    "msp360.license.grant",
  ]) {
    expect(actions, action).toContain(action);
  }
  // The wrong password's refusal is audited as a failure, without the password.
  expect(audit.items.some((e) => e.action === "action.restore.start" && e.outcome === "failure")).toBe(true);
  expect(JSON.stringify(audit)).not.toContain("Str0ng-pass!");
  expect(JSON.stringify(audit)).not.toContain("not-the-passphrase");

  await page.goto("/settings/audit");
  await expect(page.getByText("msp360.license.grant").first()).toBeVisible({ timeout: 30_000 });
  await snap(page, "58-audit-log");
});
