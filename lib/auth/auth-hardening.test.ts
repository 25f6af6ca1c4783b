// Sign-in and sessions as an attacker would try them: forged X-Forwarded-For against the throttle, a cookie
// kept after sign-out, open redirects after sign-in, and a cookie that does not decode.
import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { createUserRow, sessionCookie } from "@/lib/testing/session";
import { env } from "@/lib/env";
import { createUser } from "@/lib/services/users";
import { createUserSession } from "@/lib/services/sessions";
import { authOptions } from "./options";
import { clientAddress, FORWARDED_PROOF_HEADER, requestHost } from "./actor";
import { safeCallbackPath } from "./callback-url";
import { authSecret } from "./secret";
import { sessionUserFromHeaders } from "./session";
import { pruneExpiredThrottleRows } from "./throttle";

const admin = { type: "user" as const, id: "x", label: "admin@example.com", role: "admin" as const };
const proof = () => env().BACKUP_CONSOLE_FORWARDED_PROOF!;

/** next-auth's credentials check, called as next-auth calls it with the request's headers. */
function authorize(email: string, password: string, headers: Record<string, string>) {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
  return provider.options.authorize({ email, password }, { headers }).then(
    () => "ok",
    (error: Error) => error.message,
  );
}

describe("forwarded headers", () => {
  it("are believed only when the app's server wrote them (its per-process proof)", () => {
    const forged = new Headers({ "x-forwarded-for": "203.0.113.5", "x-forwarded-host": "evil.example", host: "console.local" });
    expect(clientAddress(forged)).toBeUndefined();
    expect(requestHost(forged)).toBe("console.local");
    forged.set(FORWARDED_PROOF_HEADER, "a-guess");
    expect(clientAddress(forged)).toBeUndefined();
    forged.set(FORWARDED_PROOF_HEADER, proof());
    expect(clientAddress(forged)).toBe("203.0.113.5");
    expect(requestHost(forged)).toBe("evil.example");
  });
});

describe("safe callback URLs", () => {
  const origin = "https://console.example.com";
  it.each([
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["//evil.example", "/"],
    ["///evil.example", "/"],
    ["https://evil.example/", "/"],
    ["https:evil.example", "/evil.example"],
    ["http:evil.example", "/"],
    ["javascript:alert(1)", "/"],
    [" /agents", "/"],
    ["https://console.example.com//evil.example/x", "/evil.example/x"],
    ["/agents?status=failed#top", "/agents?status=failed#top"],
    ["https://console.example.com/plans", "/plans"],
    [null, "/"],
  ])("%s → %s", (value, expected) => {
    expect(safeCallbackPath(value, origin)).toBe(expected);
    // Whatever it returns, a browser resolving it stays on the site.
    expect(new URL(safeCallbackPath(value, origin), origin).origin).toBe(origin);
  });

  it("also guards next-auth's own redirects", () => {
    const redirect = authOptions().callbacks!.redirect!;
    const baseUrl = "http://localhost:3000";
    for (const url of ["/\\evil.example", "//evil.example", "https://evil.example/x", `${baseUrl}//evil.example`]) {
      expect(new URL(redirect({ url, baseUrl }) as string).origin, url).toBe(baseUrl);
    }
    expect(redirect({ url: "/signin", baseUrl })).toBe(`${baseUrl}/signin`);
  });
});

describe.each(TEST_PROVIDERS)("sign-in and sessions on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("throttles a client that sends a new X-Forwarded-For with each guess", async () => {
    await createUser(admin, { email: "target@example.com", name: "Target", role: "admin", password: "the-right-password" });
    // No proof: these headers came from the client, not from the app's server.
    for (let i = 0; i < 5; i++) expect(await authorize("target@example.com", "guess", { "x-forwarded-for": `198.51.100.${i}` })).toBe("invalid");
    expect(await authorize("target@example.com", "the-right-password", { "x-forwarded-for": "198.51.100.99" })).toBe("throttled");
    // A client the app's server vouches for is counted on its own address: the attacker did not lock it out.
    expect(await authorize("target@example.com", "the-right-password", { "x-forwarded-for": "192.0.2.10", [FORWARDED_PROOF_HEADER]: proof() })).toBe("ok");
  });

  it("cannot lock out another address by claiming it", async () => {
    await createUser(admin, { email: "admin2@example.com", name: "Admin", role: "admin", password: "the-right-password" });
    for (let i = 0; i < 6; i++) await authorize("admin2@example.com", "guess", { "x-forwarded-for": "192.0.2.44" });
    expect(await authorize("admin2@example.com", "the-right-password", { "x-forwarded-for": "192.0.2.44", [FORWARDED_PROOF_HEADER]: proof() })).toBe("ok");
  });

  it("deletes throttle counters whose window has passed", async () => {
    const client = database.current.client;
    await client.rateLimiterFlexible.create({ data: { key: "signin-address:203.0.113.1", points: 3, expire: new Date(Date.now() - 60_000) } });
    await client.rateLimiterFlexible.create({ data: { key: "signin-address:203.0.113.2", points: 3, expire: new Date(Date.now() + 60_000) } });
    expect(await pruneExpiredThrottleRows()).toBeGreaterThanOrEqual(1);
    const keys = (await client.rateLimiterFlexible.findMany()).map((row) => row.key);
    expect(keys).not.toContain("signin-address:203.0.113.1");
    expect(keys).toContain("signin-address:203.0.113.2");
  });

  it("ends the session on the server at sign-out: a cookie kept from before no longer works, other browsers stay signed in", async () => {
    const user = await createUserRow(database.current.client, "technician");
    const laptop = await sessionCookie(user);
    const wallDisplay = await sessionCookie(user);
    expect(await sessionUserFromHeaders(new Headers({ cookie: laptop }))).toMatchObject({ id: user.id });

    const token = await (await import("next-auth/jwt")).decode({ token: laptop.split("=")[1]!, secret: authSecret() });
    await authOptions().events!.signOut!({ token: token!, session: null as never });
    expect(await sessionUserFromHeaders(new Headers({ cookie: laptop }))).toBeNull();
    expect(await sessionUserFromHeaders(new Headers({ cookie: wallDisplay }))).toMatchObject({ id: user.id });
  });

  it("records a session at sign-in, and refuses a cookie that names no live session", async () => {
    const user = await createUserRow(database.current.client, "viewer");
    const jwt = authOptions().callbacks!.jwt!;
    const token = await jwt({ token: {}, user: { id: user.id, sessionVersion: user.sessionVersion } as never, account: null, trigger: "signIn" } as never);
    expect(await database.current.client.userSession.count({ where: { id: token.sid as string, userId: user.id } })).toBe(1);

    const withoutSession = await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: authSecret() });
    expect(await sessionUserFromHeaders(new Headers({ cookie: `next-auth.session-token=${withoutSession}` }))).toBeNull();
    const sid = await createUserSession(user.id, new Date(Date.now() - 13 * 3_600_000));
    const expired = await encode({ token: { uid: user.id, sv: user.sessionVersion, sid }, secret: authSecret() });
    expect(await sessionUserFromHeaders(new Headers({ cookie: `next-auth.session-token=${expired}` }))).toBeNull();
  });

  it("ignores a cookie that does not decode instead of failing every request", async () => {
    const user = await createUserRow(database.current.client, "viewer");
    const cookie = await sessionCookie(user);
    expect(await sessionUserFromHeaders(new Headers({ cookie: `a=%zz; ${cookie}; b=%E0%A4%A` }))).toMatchObject({ id: user.id });
    expect(await sessionUserFromHeaders(new Headers({ cookie: "a=%zz" }))).toBeNull();
  });
});
