// The guard in front of Next, over real HTTP on loopback: what reaches the app as client address, host and
// scheme is decided by the socket and TRUST_PROXY, never by what the client claims.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { compileTrust, guardRequest, PROOF_HEADER } from "./request-guard.mjs";

const PROOF = "per-process-proof";
let server: http.Server | undefined;

/** A server with the guard in front of a handler that echoes the headers it was given. */
async function serve(trustSetting: string | undefined): Promise<number> {
  const trust = compileTrust(trustSetting);
  server = http.createServer((req, res) => {
    if (guardRequest(req, res, { trust, proof: PROOF })) return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function stop() {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
}

afterEach(stop);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path ?? "/api/v1/me", headers: options.headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const seen = (answer: Answer) => JSON.parse(answer.body) as Record<string, string>;

describe("the request guard", () => {
  it("takes the client address from the socket: a new X-Forwarded-For per request changes nothing", async () => {
    const port = await serve(undefined);
    for (const spoofed of ["203.0.113.7", "198.51.100.1, 10.0.0.1", "garbage"]) {
      const answer = await send(port, { headers: { "X-Forwarded-For": spoofed, "X-Real-IP": spoofed, Forwarded: `for=${spoofed}` } });
      expect(answer.status).toBe(200);
      expect(seen(answer)).toMatchObject({ "x-forwarded-for": "127.0.0.1", [PROOF_HEADER]: PROOF });
      expect(seen(answer)["x-real-ip"]).toBeUndefined();
      expect(seen(answer).forwarded).toBeUndefined();
    }
  });

  it("never lets a client send the proof or a forwarded host and scheme of its own", async () => {
    const port = await serve(undefined);
    const answer = await send(port, {
      headers: { Host: "console.example.com", [PROOF_HEADER]: "forged", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
    });
    expect(seen(answer)).toMatchObject({ [PROOF_HEADER]: PROOF, "x-forwarded-host": "console.example.com", "x-forwarded-proto": "http" });
    expect(answer.headers["strict-transport-security"]).toBeUndefined();
  });

  it("believes a trusted proxy (hop count or address), and only as far as it is trusted", async () => {
    for (const setting of ["1", "127.0.0.1", "loopback", "127.0.0.0/8"]) {
      const port = await serve(setting);
      const answer = await send(port, { headers: { "X-Forwarded-For": "203.0.113.9, 198.51.100.20", "X-Forwarded-Host": "console.example.com", "X-Forwarded-Proto": "https" } });
      // The proxy appended the address it saw last; whatever the client put before that is not believed.
      expect(seen(answer), setting).toMatchObject({ "x-forwarded-for": "198.51.100.20", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" });
      expect(answer.headers["strict-transport-security"], setting).toMatch(/max-age=\d+/);
      await stop();
    }
    const twoHops = await serve("2");
    expect(seen(await send(twoHops, { headers: { "X-Forwarded-For": "203.0.113.9, 198.51.100.20" } }))["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it("falls back to the proxy's own address when a trusted proxy passes a malformed X-Forwarded-For", async () => {
    const port = await serve("1");
    expect(seen(await send(port, { headers: { "X-Forwarded-For": "<script>" } }))["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("does not trust a proxy whose address is not listed", async () => {
    const port = await serve("10.0.0.1, 192.168.0.0/16");
    const answer = await send(port, { headers: { "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https" } });
    expect(seen(answer)).toMatchObject({ "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "http" });
  });

  it("answers TRACE with 405 and a path that does not percent-decode with 400, in the API's error shape", async () => {
    const port = await serve(undefined);
    const trace = await send(port, { method: "TRACE", headers: { Cookie: "next-auth.session-token=secret" } });
    expect(trace.status).toBe(405);
    expect(trace.body).not.toContain("secret");
    expect(JSON.parse(trace.body)).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
    const badPath = await send(port, { path: "/api/v1/connections/%ff" });
    expect(badPath.status).toBe(400);
    expect(JSON.parse(badPath.body).error.code).toBe("bad_request");
    const badPage = await send(port, { path: "/agents/%E0%A4%A" });
    expect(badPage.status).toBe(400);
    expect((await send(port, { path: "/agents/%20ok?q=%zz" })).status).toBe(200);
  });

  it("refuses a TRUST_PROXY it cannot read, with a message naming it", () => {
    expect(() => compileTrust("not-an-address")).toThrow(/TRUST_PROXY/);
  });
});
