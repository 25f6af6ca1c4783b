// The door every write goes through: exactly JSON, from our own origin, and bad input answered with a 4xx.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { callRoute, createUserRow, sessionCookie } from "@/lib/testing/session";
import { resetEnvCache } from "@/lib/env";
import * as users from "./users/route";
import * as setup from "./setup/route";

const newUser = (email: string) => ({ email, name: "New", role: "viewer", password: "a-long-enough-password" });

describe("writes", () => {
  const database = useTestDatabase("sqlite");

  async function admin() {
    return sessionCookie(await createUserRow(database.current.client, "admin"));
  }

  it("take a JSON body only with exactly the JSON media type", async () => {
    const cookie = await admin();
    const send = (type: string, email: string) =>
      callRoute(users.POST, { method: "POST", cookie, body: newUser(email), headers: { "content-type": type } });
    expect((await send("text/plain; application/json", "a@example.com")).status).toBe(415);
    expect((await send("application/jsonx", "b@example.com")).status).toBe(415);
    expect((await send("application/json-patch+json", "c@example.com")).status).toBe(415);
    expect((await send("application/json; charset=utf-8", "d@example.com")).status).toBe(201);
    expect((await send("Application/JSON", "e@example.com")).status).toBe(201);
    expect(await database.current.client.user.count({ where: { email: { in: ["a@example.com", "b@example.com", "c@example.com"] } } })).toBe(0);
  });

  it("refuse an Origin that is not an origin (403, not 500), and a foreign one", async () => {
    const cookie = await admin();
    for (const origin of ["http://[bad", "null", "not a url", "http://evil.example@localhost", "http://localhost/path", "https://evil.example"]) {
      const response = await callRoute(users.POST, { method: "POST", cookie, body: newUser("o@example.com"), headers: { origin } });
      expect(response.status, origin).toBe(403);
      expect(response.json, origin).toMatchObject({ error: { code: "forbidden" } });
    }
    expect((await callRoute(users.POST, { method: "POST", cookie, body: newUser("same@example.com"), headers: { origin: "http://localhost" } })).status).toBe(201);
  });

  it("refuse a missing Origin when the browser says the request is cross-site; scripts without either pass", async () => {
    const cookie = await admin();
    for (const site of ["cross-site", "same-site"]) {
      expect((await callRoute(users.POST, { method: "POST", cookie, body: newUser(`${site}@example.com`), headers: { "sec-fetch-site": site } })).status, site).toBe(403);
    }
    expect((await callRoute(users.POST, { method: "POST", cookie, body: newUser("so@example.com"), headers: { "sec-fetch-site": "same-origin" } })).status).toBe(201);
    expect((await callRoute(users.POST, { method: "POST", cookie, body: newUser("script@example.com") })).status).toBe(201);
  });

  it("do not let a client-sent X-Forwarded-Host make a foreign origin ours", async () => {
    const cookie = await admin();
    // No forwarding proof: the header came from the client, so the Host header counts.
    const response = await callRoute(users.POST, {
      method: "POST",
      cookie,
      body: newUser("fwd@example.com"),
      headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-backup-console-forwarded": "", host: "localhost" },
    });
    expect(response.status).toBe(403);
  });

  it("accept the public URL's origin (NEXTAUTH_URL) behind a proxy that is not trusted", async () => {
    const cookie = await admin();
    process.env.NEXTAUTH_URL = "http://console.example.com";
    resetEnvCache();
    try {
      const response = await callRoute(users.POST, { method: "POST", cookie, body: newUser("pub@example.com"), headers: { origin: "http://console.example.com" } });
      expect(response.status).toBe(201);
    } finally {
      delete process.env.NEXTAUTH_URL;
      resetEnvCache();
    }
  });

  it("answer oversized bodies with 413 and NUL characters with 400", async () => {
    const cookie = await admin();
    const big = await callRoute(users.POST, { method: "POST", cookie, body: { ...newUser("big@example.com"), name: "n".repeat(1_200_000) } });
    expect(big.status).toBe(413);
    const nul = await callRoute(users.POST, { method: "POST", cookie, body: newUser("nul\u0000@example.com") });
    expect(nul.status).toBe(400);
    expect(nul.json).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/NUL/) } });
  });

  it("hold for the first-run setup too: a cross-site form cannot create the first admin", async () => {
    const form = await callRoute(setup.POST, {
      method: "POST",
      body: { email: "owner@example.com", name: "Owner", password: "a-long-enough-password" },
      headers: { "content-type": "text/plain", origin: "http://localhost" },
    });
    expect(form.status).toBe(415);
    const crossSite = await callRoute(setup.POST, {
      method: "POST",
      body: { email: "owner@example.com", name: "Owner", password: "a-long-enough-password" },
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    expect(await database.current.client.user.count({ where: { email: "owner@example.com" } })).toBe(0);
  });
});
