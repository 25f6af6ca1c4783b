// MSP360 administration through the API, against the MSP360 simulator over real HTTP: admins only, forms checked
// before anything is sent, every change audited without its secrets, the vendor's refusals in words.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import type { Msp360LicenseDto, Msp360UserDto } from "@/lib/schemas/msp360-admin";
import * as list from "./msp360/[connectionId]/[resource]/route";
import * as operations from "./msp360/[connectionId]/operations/route";

describe.each(TEST_PROVIDERS)("MSP360 administration on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors({ seed: 9, endpoints: 12 });
  let admin: string;
  let technician: string;

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
  });

  it("is for admins only", async () => {
    expect((await callRoute(list.GET, { cookie: technician, path: `/api/v1/msp360/${vendors.mspId}/users`, params: { connectionId: vendors.mspId, resource: "users" } })).status).toBe(403);
    expect((await operate({ operation: "company.create", name: "Nope" }, technician)).status).toBe(403);
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
