import { describe, expect, it } from "vitest";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { completeSetup, createUser, needsSetup, signInWithPassword, updateUser } from "./users";

const origin = { ip: "203.0.113.9", userAgent: "vitest" };
const admin = { type: "user" as const, id: "x", label: "admin@example.com", role: "admin" as const };

describe.each(TEST_PROVIDERS)("users on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("creates the first admin once; a second setup is refused", async () => {
    expect(await needsSetup()).toBe(true);
    const first = await completeSetup({ email: "Owner@Example.com", name: "Owner", password: "a-long-enough-password" }, origin);
    expect(first).toMatchObject({ email: "owner@example.com", role: "admin" });
    expect(JSON.stringify(first)).not.toMatch(/passwordHash|argon2/);
    await expect(completeSetup({ email: "other@example.com", name: "Other", password: "a-long-enough-password" }, origin)).rejects.toThrow(/already done/);
    const row = await database.current.client.user.findUniqueOrThrow({ where: { email: "owner@example.com" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("signs in with the right password, audits every attempt, and throttles after repeated failures", async () => {
    await createUser(admin, { email: "tech@example.com", name: "Tech", role: "technician", password: "the-right-password" });
    expect((await signInWithPassword("TECH@example.com", "the-right-password", origin)).ok).toBe(true);
    for (let i = 0; i < 5; i++) expect(await signInWithPassword("tech@example.com", "wrong", origin)).toEqual({ ok: false, reason: "invalid" });
    const blocked = await signInWithPassword("tech@example.com", "the-right-password", origin);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(60);
    // Another address is not blocked by these failures.
    expect((await signInWithPassword("tech@example.com", "the-right-password", { ip: "198.51.100.1" })).ok).toBe(true);

    const events = await database.current.client.auditEvent.findMany({ where: { action: "auth.signin", actorLabel: "tech@example.com" } });
    expect(events.filter((e) => e.outcome === "failure")).toHaveLength(5);
    expect(events.filter((e) => e.outcome === "denied")).toHaveLength(1);
    expect(events.filter((e) => e.outcome === "success")).toHaveLength(2);
  });

  it("refuses a disabled user and an unknown email the same way as a wrong password", async () => {
    const user = await createUser(admin, { email: "gone@example.com", name: "Gone", role: "viewer", password: "the-right-password" });
    await updateUser(admin, user.id, { disabled: true });
    expect(await signInWithPassword("gone@example.com", "the-right-password", { ip: "192.0.2.1" })).toEqual({ ok: false, reason: "disabled" });
    expect(await signInWithPassword("nobody@example.com", "whatever", { ip: "192.0.2.1" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("rejects duplicate emails and weak passwords with field messages", async () => {
    await createUser(admin, { email: "dup@example.com", name: "Dup", role: "viewer", password: "the-right-password" });
    await expect(createUser(admin, { email: "dup@example.com", name: "Dup", role: "viewer", password: "the-right-password" })).rejects.toThrow(/already exists/);
    await expect(createUser(admin, { email: "weak@example.com", name: "W", role: "viewer", password: "short" })).rejects.toThrow(/12 characters/);
  });
});
