// Authentication, quota, provider isolation and the Web API error answers, over real HTTP.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { SimClock } from "@/lib/simulator-kit/clock";
import * as S from "../schemas";
import { Msp360TestClient, startMsp360, type StartedSimulator } from "./testing";

const FROZEN = Date.UTC(2025, 2, 19, 10, 26, 47);
const frozenClock = () => new SimClock(() => FROZEN);
const UNAUTHORIZED = { Message: "Authorization has been denied for this request." };

let running: StartedSimulator[] = [];
async function start(options: Parameters<typeof startMsp360>[0] = {}) {
  const sim = await startMsp360({ clock: frozenClock(), endpoints: 20, ...options });
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.map((sim) => sim.close()));
  running = [];
});

describe("login and tokens", () => {
  it("answers 401 without a token, with a malformed header and with an unknown token", async () => {
    const { client } = await start();
    for (const token of [null, "not-a-token"]) {
      const answer = await client.call("GET", "api/Users", { token });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(UNAUTHORIZED);
    }
    const malformed = await fetch(`${client.url}/api/Users`, { headers: { Authorization: "Basic abc" } });
    expect(malformed.status).toBe(401);
  });

  it("rejects bad credentials with invalid_grant and accepts JSON and form-encoded logins", async () => {
    const { client } = await start();
    const bad = await client.call("POST", "api/Provider/Login", { body: { UserName: "demo", Password: "wrong-password" }, token: null });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: "invalid_grant", error_description: "The user name or password is incorrect." });
    const form = await client.call("POST", "api/Provider/Login", { body: { UserName: "demo", Password: "demo-password" }, form: true, token: null });
    expect(form.status).toBe(200);
    const login = S.msp360LoginResponseSchema.parse(form.body);
    expect(login).toMatchObject({ token_type: "bearer", expires_in: 1209599, userName: "demo" });
    expect(login[".issued"]).toBe("Wed, 19 Mar 2025 10:26:47 GMT");
    expect(login[".expires"]).toBe("Wed, 02 Apr 2025 10:26:47 GMT");
    expect((await client.call("GET", "api/Packages", { token: login.access_token })).status).toBe(200);
  });

  it("expires tokens after tokenLifetimeMs of simulated time; a new login works", async () => {
    const { client } = await start({ tokenLifetimeMs: 60_000 });
    expect((await client.call("GET", "api/Users")).status).toBe(200);
    await client.advance("59s");
    expect((await client.call("GET", "api/Users")).status).toBe(200);
    await client.advance("2s");
    const expired = await client.call("GET", "api/Users");
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(UNAUTHORIZED);
    expect((await client.login()).status).toBe(200);
    expect((await client.call("GET", "api/Users")).status).toBe(200);
  });

  it("voids old tokens when the API credentials change (control route and world method)", async () => {
    const { client, handler } = await start();
    const oldToken = client.token;
    const change = await client.call("POST", "_simctl/msp360/credentials", { body: { login: "demo", newPassword: "rotated-pass" }, token: null });
    expect(change.status).toBe(200);
    expect((await client.call("GET", "api/Users", { token: oldToken })).status).toBe(401);
    expect((await client.login("demo", "demo-password")).status).toBe(400);
    expect((await client.login("demo", "rotated-pass")).status).toBe(200);

    const second = client.token;
    expect(handler.world.changeCredentials("demo", { login: "renamed" })).toBe("changed");
    expect((await client.call("GET", "api/Users", { token: second })).status).toBe(401);
    expect((await client.login("renamed", "rotated-pass")).status).toBe(200);
    expect(handler.world.changeCredentials("nobody", { password: "x-y-z" })).toBe("unknown-login");
  });

  it("honours the harness's expire-token fault with its own 401", async () => {
    const { client } = await start();
    const fault = await client.call("POST", "_sim/faults", { body: { route: "/api/Users*", kind: "expire-token", count: 1 }, token: null });
    expect(fault.status).toBe(201);
    const hit = await client.call("GET", "api/Users");
    expect(hit.status).toBe(401);
    expect(hit.body).toEqual(UNAUTHORIZED);
    expect((await client.call("GET", "api/Users")).status).toBe(200);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a provider used its requests of the last minute", async () => {
    const providers = [
      { login: "alpha", password: "alpha-pass" },
      { login: "beta", password: "beta-pass" },
    ];
    const { client } = await start({ providers, rateLimitPerMinute: 5 });
    // The login was request 1 of 5.
    for (let i = 0; i < 4; i++) expect((await client.call("GET", "api/Packages")).status).toBe(200);
    const limited = await client.call("GET", "api/Packages");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(S.msp360ErrorSchema.parse(limited.body).Message).toMatch(/quota exceeded/);

    const other = new Msp360TestClient(client.url);
    expect((await other.login("beta", "beta-pass")).status).toBe(200);
    expect((await other.call("GET", "api/Packages")).status).toBe(200);

    await client.advance("30s");
    const later = await client.call("GET", "api/Packages");
    expect(later.status).toBe(429);
    expect(later.headers.get("retry-after")).toBe("30");
    await client.advance("30s");
    expect((await client.call("GET", "api/Packages")).status).toBe(200);
  });
});

describe("provider isolation", () => {
  it("shows each provider only its own slice; the other's ids answer like unknown ids", async () => {
    const providers = [
      { login: "alpha", password: "alpha-pass" },
      { login: "beta", password: "beta-pass" },
    ];
    const { client: alpha } = await start({ providers, endpoints: 21 });
    const beta = new Msp360TestClient(alpha.url);
    await beta.login("beta", "beta-pass");

    const pageOf = async (client: Msp360TestClient) =>
      S.msp360ComputersPageSchema.parse((await client.call("GET", "api/Computers/0/100")).body);
    const alphaPage = await pageOf(alpha);
    const betaPage = await pageOf(beta);
    expect([alphaPage.Count, betaPage.Count]).toEqual([11, 10]);
    const betaHids = new Set(betaPage.Computers.map((c) => c.ComputerHID));
    expect(alphaPage.Computers.some((c) => betaHids.has(c.ComputerHID))).toBe(false);

    const alphaComputer = alphaPage.Computers[0];
    const alphaUser = alphaComputer?.UserID ?? "";
    const notFound = await beta.call("GET", `api/Computers/${alphaComputer?.ComputerHID}`);
    expect(notFound.status).toBe(404);
    expect(notFound.body).toEqual({ ErrorCode: -6, Message: `Object "${alphaComputer?.ComputerHID}" not found` });
    expect((await beta.call("GET", `api/Users/${alphaUser}`)).body).toBeNull();
    expect((await beta.call("GET", `api/Monitoring/${alphaUser}`)).body).toBeNull();
    expect((await beta.call("DELETE", `api/Users/${alphaUser}`)).status).toBe(400);
    expect((await alpha.call("GET", `api/Users/${alphaUser}`)).body).not.toBeNull();

    const betaUsers = z.array(S.msp360UserSchema).parse((await beta.call("GET", "api/Users")).body);
    expect(betaUsers.some((u) => u.ID === alphaUser)).toBe(false);
    const betaMonitoring = z.array(S.msp360MonitoringSchema).parse((await beta.call("GET", "api/Monitoring")).body);
    expect(betaMonitoring.some((m) => m.UserID === alphaUser)).toBe(false);
  });
});

describe("Web API answers", () => {
  it("matches paths without regard to case, 404s unknown routes and 405s wrong methods", async () => {
    const { client } = await start();
    const lower = await client.call("GET", "api/users");
    const upper = await client.call("GET", "API/USERS");
    expect(lower.status).toBe(200);
    expect(upper.text).toBe(lower.text);
    const missing = await client.call("GET", "api/Nope?x=1");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ Message: `No HTTP resource was found that matches the request URI '${client.url}/api/Nope?x=1'.` });
    const wrong = await client.call("PATCH", "api/Users");
    expect(wrong.status).toBe(405);
    expect(S.msp360ErrorSchema.parse(wrong.body).Message).toContain("PATCH");
  });

  it("answers 200 null for unknown GUIDs where the real API does", async () => {
    const { client } = await start();
    const unknown = "00000000-1111-4222-8333-444444444444";
    for (const path of ["Users", "Companies", "Licenses", "Accounts", "Administrators", "Monitoring"]) {
      const answer = await client.call("GET", `api/${path}/${unknown}`);
      expect([answer.status, answer.text], path).toEqual([200, "null"]);
    }
    expect((await client.call("GET", "api/Packages/999999999")).text).toBe("null");
    expect((await client.call("PUT", "api/Billing/Details", { body: { UserID: unknown } })).text).toBe("null");
  });

  it("answers the documented error shapes", async () => {
    const { client } = await start();
    const unknown = "00000000-1111-4222-8333-444444444444";
    const destinations = await client.call("GET", "api/Destinations/nobody@example.test");
    expect([destinations.status, destinations.text]).toEqual([406, ""]);
    for (const path of [`api/Users/${unknown}`, `api/Companies/${unknown}`, `api/Administrators/${unknown}`]) {
      const answer = await client.call("DELETE", path);
      expect(answer.status, path).toBe(400);
      expect(S.msp360ErrorSchema.parse(answer.body).Message).toMatch(/not found/);
    }
    const disks = await client.call("GET", `api/Computers/${unknown}/Disks`);
    expect(disks.status).toBe(404);
    expect(S.msp360ResultErrorSchema.parse(disks.body)).toEqual({ ErrorCode: -6, Message: `Object "${unknown}" not found` });

    const invalid = await client.call("POST", "api/Users", { body: { Password: "Secret-123" } });
    expect(invalid.status).toBe(400);
    expect(S.msp360ErrorSchema.parse(invalid.body)).toMatchObject({ Message: "The request is invalid." });
    expect(Object.keys(S.msp360ErrorSchema.parse(invalid.body).ModelState ?? {})).toContain("user.Email");

    const user = { Email: "twice@example.test", Password: "Secret-123", Enabled: true };
    expect(S.msp360GuidSchema.safeParse((await client.call("POST", "api/Users", { body: user })).body).success).toBe(true);
    const again = await client.call("POST", "api/Users", { body: user });
    expect([again.status, again.body]).toEqual([200, "Email already exist"]);
  });

  it("binds JSON keys without regard to case, as Json.NET does", async () => {
    const { client } = await start();
    const created = await client.call("POST", "api/companies", { body: { name: "lower case co", storagelimit: 42 } });
    const company = S.msp360CompanySchema.parse((await client.call("GET", `api/Companies/${created.body}`)).body);
    expect(company).toMatchObject({ Name: "lower case co", StorageLimit: 42 });
  });
});
