// MSP360 administration through the API, against the MSP360 simulator over real HTTP: admins only, forms checked
// before anything is sent, every change audited without its secrets, the vendor's refusals in words.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import type { FaultRule } from "@/lib/simulator-kit/faults";
import type { Msp360AccountDto, Msp360LicenseDto, Msp360PackageDto, Msp360UserDto } from "@/lib/schemas/msp360-admin";
import { adapterFor } from "@/lib/sync/runtime";
import type { Msp360Adapter } from "@/lib/vendors/msp360/adapter";
import * as list from "./msp360/[connectionId]/[resource]/route";
import * as operations from "./msp360/[connectionId]/operations/route";

describe.each(TEST_PROVIDERS)("MSP360 administration on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors({ seed: 9, endpoints: 12 });
  let admin: string;
  let technician: string;
  let viewer: string;

  const operate = (body: unknown, cookie = admin) =>
    callRoute(operations.POST, { method: "POST", cookie, path: `/api/v1/msp360/${vendors.mspId}/operations`, params: { connectionId: vendors.mspId }, body });
  const read = async <T,>(resource: string) => {
    const answer = await callRoute(list.GET, { cookie: admin, path: `/api/v1/msp360/${vendors.mspId}/${resource}`, params: { connectionId: vendors.mspId, resource } });
    expect(answer.status, answer.text).toBe(200);
    return (answer.json as { items: T[] }).items;
  };

  beforeAll(async () => {
    admin = await sessionCookie(await createUserRow(database.current.client, "admin"));
    technician = await sessionCookie(await createUserRow(database.current.client, "technician"));
    viewer = await sessionCookie(await createUserRow(database.current.client, "viewer"));
  });

  /** The simulated MSP360 as a test reads it directly, to pick objects and check what really changed there. */
  const vendor = async () => ((await adapterFor((await database.current.client.connection.findUniqueOrThrow({ where: { id: vendors.mspId } })) as never)) as Msp360Adapter).client;
  const message = (answer: { json: unknown }) => (answer.json as { error?: { message: string }; message?: string }).error?.message ?? (answer.json as { message: string }).message;
  const faults = async () => (await (await fetch(`${vendors.msp360.url}/_sim/faults`)).json()) as FaultRule[];

  it("is for admins only", async () => {
    expect((await callRoute(list.GET, { cookie: technician, path: `/api/v1/msp360/${vendors.mspId}/users`, params: { connectionId: vendors.mspId, resource: "users" } })).status).toBe(403);
    expect((await operate({ operation: "company.create", name: "Nope" }, technician)).status).toBe(403);
    for (const cookie of [technician, viewer]) {
      for (const body of [
        { operation: "account.update", accountId: "a", displayName: "X", type: "AmazonS3" },
        { operation: "bucket.add", accountId: "a", bucket: "new-bucket" },
        { operation: "bucket.update", accountId: "a", destinationId: "d", bucket: "other" },
        { operation: "bucket.remove", accountId: "a", destinationId: "d" },
        { operation: "destination.update", userId: "u", destinationId: "d", packageId: 1 },
        { operation: "computer.erase", hid: "h", computerName: "PC" },
      ]) {
        expect((await operate(body, cookie)).status, `${body.operation} as another role`).toBe(403);
      }
    }
  });

  it("edits a storage account and manages its buckets at MSP360, without keeping its credentials", async () => {
    const [account] = await read<Msp360AccountDto>("accounts");
    if (!account) throw new Error("the world has no storage account");
    const saved = await operate({ operation: "account.update", accountId: account.id, displayName: "Renamed storage", type: account.type, settings: { AccessKey: "AKIA-NEW", SecretKey: "s3cr3t-new-key" } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.text).not.toContain("s3cr3t-new-key");
    expect((await read<Msp360AccountDto>("accounts")).find((a) => a.id === account.id)).toMatchObject({ name: "Renamed storage", type: account.type });

    expect((await operate({ operation: "bucket.add", accountId: account.id, bucket: "Not A Bucket", create: true })).status).toBe(422);
    const created = await operate({ operation: "bucket.add", accountId: account.id, bucket: "fresh-bucket-01", displayName: "Fresh", create: true });
    expect(created.status, created.text).toBe(200);
    const existing = await operate({ operation: "bucket.add", accountId: account.id, bucket: "Legacy_Bucket" });
    expect(existing.status, existing.text).toBe(200);
    const twice = await operate({ operation: "bucket.add", accountId: account.id, bucket: "fresh-bucket-01", create: true });
    expect(twice.status).toBe(409);
    expect(message(twice)).toMatch(/already exists/);

    let buckets = (await read<Msp360AccountDto>("accounts")).find((a) => a.id === account.id)!.destinations;
    const fresh = buckets.find((b) => b.bucket === "fresh-bucket-01")!;
    expect(fresh.name).toBe("Fresh");
    const clash = await operate({ operation: "bucket.update", accountId: account.id, destinationId: fresh.id, bucket: "Legacy_Bucket" });
    expect(clash.status).toBe(409);
    expect(message(clash)).toMatch(/already exists/);
    const renamed = await operate({ operation: "bucket.update", accountId: account.id, destinationId: fresh.id, bucket: "fresh-bucket-02", displayName: "Fresh two" });
    expect(message(renamed)).toMatch(/backups already in fresh-bucket-01 stay there/);
    const removed = await operate({ operation: "bucket.remove", accountId: account.id, destinationId: fresh.id });
    expect(removed.status, removed.text).toBe(200);
    buckets = (await read<Msp360AccountDto>("accounts")).find((a) => a.id === account.id)!.destinations;
    expect(buckets.map((b) => b.bucket)).not.toContain("fresh-bucket-02");
    expect(buckets.map((b) => b.bucket)).toContain("Legacy_Bucket");

    const audit = await database.current.client.auditEvent.findMany({ where: { action: { in: ["msp360.account.update", "msp360.bucket.add", "msp360.bucket.update", "msp360.bucket.remove"] } } });
    expect(new Set(audit.map((a) => a.action)).size).toBe(4);
    expect(JSON.stringify(audit)).not.toContain("s3cr3t-new-key");
    expect(JSON.stringify(audit)).not.toContain("AKIA-NEW");
  });

  it("refuses to remove a bucket users back up to, in MSP360's words", async () => {
    const user = (await read<Msp360UserDto>("users")).find((u) => u.destinations.length > 0);
    if (!user) throw new Error("the world has no user with a destination");
    const used = user.destinations[0]!;
    const account = (await read<Msp360AccountDto>("accounts")).find((a) => a.id === used.accountId)!;
    const bucket = account.destinations.find((d) => d.bucket === used.bucket)!;
    const refused = await operate({ operation: "bucket.remove", accountId: account.id, destinationId: bucket.id });
    expect(refused.status).toBe(409);
    expect(message(refused)).toMatch(/used by \d+ user/);
  });

  it("changes only the package of a user's destination; its bucket stays", async () => {
    const user = (await read<Msp360UserDto>("users")).find((u) => u.destinations.length > 0)!;
    const destination = user.destinations[0]!;
    const other = (await read<Msp360PackageDto>("packages")).find((p) => p.id !== destination.packageId)!;
    expect((await operate({ operation: "destination.update", userId: user.id, destinationId: destination.id, packageId: 0 })).status).toBe(422);
    const changed = await operate({ operation: "destination.update", userId: user.id, destinationId: destination.id, packageId: other.id, accountId: "elsewhere", destination: "another-bucket" });
    expect(changed.status, changed.text).toBe(200);
    const after = (await read<Msp360UserDto>("users")).find((u) => u.id === user.id)!.destinations.find((d) => d.id === destination.id);
    expect(after).toMatchObject({ packageId: other.id, accountId: destination.accountId, bucket: destination.bucket });
  });

  it("erases a computer's backups only for the name typed, and sends an erasure with an unclear answer once", async () => {
    const client = await vendor();
    const computers = await client.listAllComputers();
    let target: (typeof computers)[number] | undefined;
    for (const computer of computers) {
      if (computer.UserID && (await client.listUserComputers(computer.UserID)).some((c) => c.ComputerName === computer.ComputerName)) {
        target = computer;
        break;
      }
    }
    if (!target) throw new Error("the world has no computer with backups");

    const wrongName = await operate({ operation: "computer.erase", hid: target.ComputerHID, computerName: "some other pc" });
    expect(wrongName.status).toBe(409);
    expect(message(wrongName)).toMatch(/nothing was erased/);
    expect(await client.getComputer(target.ComputerHID)).not.toBeNull();

    await vendors.control(vendors.msp360, "faults", "DELETE");
    await vendors.control(vendors.msp360, "faults", "POST", { route: "/api/Users/*/Computers", method: "DELETE", kind: "error", status: 503, count: 1 });
    const unclear = await operate({ operation: "computer.erase", hid: target.ComputerHID, computerName: target.ComputerDisplayName || target.ComputerName });
    expect(unclear.status).toBeGreaterThanOrEqual(500);
    expect(message(unclear)).toMatch(/not known whether/);
    expect((await faults()).find((rule) => rule.kind === "error")?.hits).toBe(1);
    await vendors.control(vendors.msp360, "faults", "DELETE");

    const erased = await operate({ operation: "computer.erase", hid: target.ComputerHID, computerName: (target.ComputerDisplayName || target.ComputerName).toUpperCase() });
    expect(erased.status, erased.text).toBe(200);
    expect(message(erased)).toMatch(/all its backups are erased/);
    expect(await client.getComputer(target.ComputerHID)).toBeNull();
    const audit = await database.current.client.auditEvent.findMany({ where: { action: "msp360.computer.erase" } });
    expect(audit.map((a) => a.outcome).sort()).toEqual(["failure", "failure", "success"]);
  });

  it("creates a user and grants it a license, audited without the password", async () => {
    const created = await operate({ operation: "user.create", email: "new.user@example.com", password: "Str0ng-pass!", firstName: "New", lastName: "User" });
    expect(created.status, created.text).toBe(200);
    const { id } = created.json as { id: string };
    const users = await read<Msp360UserDto>("users");
    expect(users.find((u) => u.id === id)).toMatchObject({ email: "new.user@example.com", name: "New User", enabled: true });

    const free = (await read<Msp360LicenseDto>("licenses")).find((l) => !l.taken);
    if (!free) throw new Error("the world has no free license");
    const granted = await operate({ operation: "license.grant", licenseId: free.id, userId: id });
    expect(granted.status, granted.text).toBe(200);
    expect((await read<Msp360LicenseDto>("licenses")).find((l) => l.id === free.id)).toMatchObject({ taken: true, userId: id });

    const audit = await database.current.client.auditEvent.findMany({ where: { action: { startsWith: "msp360." } } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["msp360.user.create", "msp360.license.grant"]));
    expect(JSON.stringify(audit)).not.toContain("Str0ng-pass!");
  });

  it("checks a form before anything reaches MSP360", async () => {
    const invalid = await operate({ operation: "user.create", email: "not-an-email", password: "x" });
    expect(invalid.status).toBe(422);
    const paths = ((invalid.json as { error: { details: { path: string }[] } }).error.details ?? []).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password"]));
    expect((await operate({ operation: "user.delete", id: "x", mode: "everything" })).status).toBe(422);
  });

  it("says what MSP360 answered when it refuses", async () => {
    const again = await operate({ operation: "user.create", email: "new.user@example.com", password: "Str0ng-pass!" });
    expect(again.status).toBe(409);
    expect((again.json as { error: { message: string } }).error.message).toMatch(/MSP360 refused the request.*said/);
  });

  it("deletes a user's account but keeps its data, or deletes both, as asked", async () => {
    const keep = (await operate({ operation: "user.create", email: "keep.data@example.com", password: "Str0ng-pass!" })).json as { id: string };
    const gone = (await operate({ operation: "user.create", email: "drop.data@example.com", password: "Str0ng-pass!" })).json as { id: string };
    const accountOnly = await operate({ operation: "user.delete", id: keep.id, mode: "account" });
    expect((accountOnly.json as { message: string }).message).toMatch(/backup data stays/);
    const withData = await operate({ operation: "user.delete", id: gone.id, mode: "account-and-data" });
    expect((withData.json as { message: string }).message).toMatch(/together with all its backup data/);
    const users = await read<Msp360UserDto>("users");
    expect(users.some((u) => u.id === keep.id || u.id === gone.id)).toBe(false);
  });

  it("refuses a connection that is not MSP360", async () => {
    const answer = await callRoute(list.GET, { cookie: admin, path: `/api/v1/msp360/${vendors.raxId}/users`, params: { connectionId: vendors.raxId, resource: "users" } });
    expect(answer.status).toBe(404);
  });
});
