// A careless or hostile client against every operation of the OpenAPI document (and the demo's simulator
// routes): bad JSON, wrong types, huge and deeply nested bodies, NUL bytes, bad encodings, hostile headers
// and cookies. Every answer must be a clean 4xx (or a 2xx for a harmless read), never a 5xx, always in the
// one error shape, and the data must be exactly as before.
import path from "node:path";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { TEST_PROVIDERS, useTestDatabase } from "@/lib/testing/test-db";
import { useSimulatedVendors } from "@/lib/testing/simulators";
import { createUserRow, sessionCookie } from "@/lib/testing/session";
import { FORWARDED_PROOF_HEADER } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { authSecret } from "@/lib/auth/secret";
import { openApiDocument } from "@/lib/api/openapi";
import { publicAuthErrorSchema, publicErrorSchema } from "@/lib/schemas/public-api";
import { syncConnection } from "@/lib/sync/engine";
import { installDemo } from "@/lib/demo/install";
import type { Db } from "@/lib/db/client";

const ROOT = path.resolve(import.meta.dirname, "../../..");
type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

interface Case {
  operation: string;
  method: string;
  url: string;
  params: Record<string, unknown>;
  headers: Record<string, string>;
  body?: BodyInit;
}

const HUGE = "x".repeat(200_000);
const deepArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

/** Bodies no schema accepts: broken JSON, wrong types, oversized, deeply nested, NUL bytes, bad UTF-8. */
const PUBLIC_ENDPOINT = /^\/api\/(dataset|widget)\//;

function hostileBodies(fields: string[]): { label: string; body: BodyInit; type?: string }[] {
  const all = (value: unknown) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, value])));
  const one = (field: string, value: unknown) => JSON.stringify({ [field]: value });
  return [
    { label: "empty", body: "" },
    { label: "truncated", body: '{"name": "x"' },
    { label: "not JSON", body: "name=x&secret=y" },
    { label: "trailing garbage", body: '{"a":1}}}' },
    { label: "JSON null", body: "null" },
    { label: "JSON number", body: "42" },
    { label: "JSON string", body: '"hello"' },
    { label: "array", body: "[1,2,3]" },
    { label: "objects for every field", body: all({ $ne: null }) },
    { label: "huge strings", body: all(HUGE) },
    { label: "NUL bytes", body: all("a\u0000b") },
    { label: "NUL in a key", body: JSON.stringify({ "na\u0000me": "x" }) },
    { label: "infinite number", body: fields.length ? `{"${fields[0]}": -1e999}` : "-1e999" },
    { label: "deeply nested array", body: deepArray(200_000) },
    { label: "deeply nested object", body: deepObject(5_000) },
    { label: "prototype pollution", body: '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"x": 1}}}' },
    { label: "invalid UTF-8", body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { label: "over the size limit", body: `{"name": "${"y".repeat(1_100_000)}"}` },
    { label: "wrong content type", body: JSON.stringify({ name: "x" }), type: "text/plain; application/json" },
    { label: "form content type", body: "name=x", type: "application/x-www-form-urlencoded" },
    { label: "json-ish content type", body: JSON.stringify({ name: "x" }), type: "application/json-patch+json" },
    ...fields.map((field) => ({ label: `array for ${field}`, body: one(field, [1, "two", { three: 3 }]) })),
    ...fields.map((field) => ({ label: `long ${field}`, body: one(field, "z".repeat(5_000)) })),
  ];
}

const HOSTILE_QUERIES = [
  "page=-1",
  "page=1e400",
  "page=9007199254740993&pageSize=500",
  "pageSize=0",
  "pageSize=99999999",
  "q=%00",
  `q=${"q".repeat(5000)}`,
  "q=%27%3B%20DROP%20TABLE%20%22User%22%3B--",
  "q=%25%25%5C_",
  "status=failed,exploded",
  "vendor=veeam",
  "order=sideways",
  "from=2024-02-31&to=0000-00-00",
  "from=9999-12-31T23:59:59Z&to=1970-01-01",
  "period=2024-13",
  "cursor=%FF%FE",
  "cursor=-1",
  "limit=1e9",
  "format=exe",
  "groupBy=password",
  "page[]=1&page[]=2",
  "connectionId=%00&customerId=%00",
];

function proofHeaders(): Record<string, string> {
  return { "x-forwarded-for": "127.0.0.1", "x-forwarded-host": "localhost", [FORWARDED_PROOF_HEADER]: env().BACKUP_CONSOLE_FORWARDED_PROOF ?? "" };
}

/** Everything a test can compare before and after: the rows that hold data, minus what reads may refresh. */
async function fingerprint(client: Db): Promise<string> {
  const tables = {
    users: await client.user.findMany({ orderBy: { id: "asc" }, omit: { lastSignInAt: true, updatedAt: true } }),
    sessions: await client.userSession.findMany({ orderBy: { id: "asc" } }),
    connections: await client.connection.findMany({ orderBy: { id: "asc" }, omit: { tokenCiphertext: true, tokenExpiresAt: true, updatedAt: true } }),
    customers: await client.customer.count(),
    endpoints: await client.endpoint.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, status: true, removedAt: true } }),
    configurations: await client.backupConfiguration.count(),
    runs: await client.run.count(),
    usage: await client.usageRecord.count(),
    syncRuns: await client.syncRun.count(),
    settings: await client.appSetting.findMany({ orderBy: { key: "asc" }, select: { key: true, value: true } }),
  };
  return createHash("sha256").update(JSON.stringify(tables)).digest("hex");
}

describe.each(TEST_PROVIDERS)("fuzzing the API on %s", (provider) => {
  const database = useTestDatabase(provider);
  const vendors = useSimulatedVendors({ endpoints: 6 });
  const ids: Record<string, string> = {};
  let admin: string;

  beforeAll(async () => {
    const client = database.current.client;
    for (const id of [vendors.mspId, vendors.raxId]) await syncConnection(id, "manual", { now: vendors.now });
    await installDemo({ type: "system", label: "fuzz" });
    const adminRow = await createUserRow(client, "admin");
    admin = await sessionCookie(adminRow);
    ids.connection = vendors.mspId;
    ids.user = adminRow.id;
    ids.endpoint = (await client.endpoint.findFirstOrThrow()).id;
    ids.configuration = (await client.backupConfiguration.findFirstOrThrow()).id;
    ids.run = (await client.run.findFirstOrThrow()).id;
  });

  async function cases(): Promise<Case[]> {
    const doc = openApiDocument();
    const out: Case[] = [];
    const token = (claims: Record<string, unknown>, secret = authSecret()) => encode({ token: claims, secret }).then((t) => `next-auth.session-token=${t}`);
    const adminRow = await database.current.client.user.findUniqueOrThrow({ where: { id: ids.user } });
    const forgedCookies = [
      await token({ uid: ids.user, sv: adminRow.sessionVersion, sid: "whatever" }, "not-the-app-secret-".repeat(3)),
      await token({ uid: ids.user, sv: adminRow.sessionVersion }),
      await token({ uid: ids.user, sv: adminRow.sessionVersion, sid: "no-such-session" }),
      await token({ uid: ids.user, sv: adminRow.sessionVersion + 1, sid: "no-such-session" }),
      await token({ uid: { $ne: null }, sv: "1", sid: ["x"] }),
    ];
    for (const [apiPath, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
        if (method === "parameters") continue;
        const op = operation as { requestBody?: { content: { "application/json": { schema: { properties?: Record<string, unknown>; oneOf?: { properties?: Record<string, unknown> }[] } } } } };
        const name = `${method.toUpperCase()} ${apiPath}`;
        const schema = op.requestBody?.content["application/json"].schema;
        const fields = [...new Set([...Object.keys(schema?.properties ?? {}), ...(schema?.oneOf ?? []).flatMap((s) => Object.keys(s.properties ?? {}))])];
        const realId = apiPath.includes("/connections/") ? ids.connection : apiPath.includes("/users/") ? ids.user : apiPath.includes("/endpoints/") ? ids.endpoint : apiPath.includes("/configurations/") ? ids.configuration : ids.run;
        const base = (over: Partial<Case> = {}): Case => ({
          operation: name,
          method: method.toUpperCase(),
          url: `http://localhost${apiPath.replace("{id}", encodeURIComponent(realId!))}`,
          params: apiPath.includes("{id}") ? { id: realId } : {},
          headers: { ...proofHeaders(), cookie: admin },
          ...over,
        });
        const write = method !== "get";
        // Who is asking: nobody, or a cookie that is not a session.
        for (const cookie of ["a=%zz", "next-auth.session-token=garbage", `next-auth.session-token=${"A".repeat(4000)}`, "next-auth.session-token=", "%=%; ;;=;", ...forgedCookies]) {
          out.push(base({ headers: { ...proofHeaders(), cookie } }));
        }
        out.push(base({ headers: proofHeaders() }));
        // Headers a client may send but not choose with: forged forwarding, a huge user agent.
        out.push(base({ headers: { cookie: admin, "x-forwarded-for": "<script>", "user-agent": "u".repeat(8000), ...(write ? { origin: "http://evil.example" } : {}) } }));
        // Writes from elsewhere, or with an Origin that is not an origin.
        if (write) {
          for (const origin of ["null", "http://[bad", "https://evil.example", "http://localhost:evil", "javascript:alert(1)", "http://evil.example@localhost"]) {
            out.push(base({ headers: { ...proofHeaders(), cookie: admin, origin } }));
          }
          out.push(base({ headers: { ...proofHeaders(), cookie: admin, "sec-fetch-site": "cross-site" } }));
          out.push(base({ headers: { ...proofHeaders(), cookie: admin, "sec-fetch-site": "same-site" } }));
          // A forwarded host from the client (no proof) does not make a foreign origin ours.
          out.push(base({ headers: { cookie: admin, origin: "https://evil.example", host: "localhost", "x-forwarded-host": "evil.example" } }));
        }
        // Path parameters no row has, or that no id looks like.
        if (apiPath.includes("{id}")) {
          for (const id of ["a\u0000b", "x".repeat(5000), "../../etc/passwd", "' OR 1=1 --", "%ff", "🙂".repeat(30), ""]) {
            out.push(base({ params: { id }, url: `http://localhost${apiPath.replace("{id}", encodeURIComponent(id))}` }));
          }
        }
        // Queries: on reads anything goes; writes get only queries that must be refused (a NUL byte).
        for (const query of write ? ["x=%00", "q=%00&page=1"] : HOSTILE_QUERIES) {
          out.push(base({ url: `${base().url}?${query}` }));
        }
        if (write && op.requestBody) {
          for (const { body, type } of hostileBodies(fields)) {
            out.push(base({ headers: { ...proofHeaders(), cookie: admin, "content-type": type ?? "application/json" }, body }));
          }
        }
      }
    }
    return out;
  }

  it("answers every malformed request with a clean 4xx, never a 5xx, and changes no data", async () => {
    const client = database.current.client;
    const before = await fingerprint(client);
    const handlers = new Map<string, Handler>();
    const all = await cases();
    // Requests the OpenAPI document does not list: the demo's in-app simulators and their admin controls.
    for (const body of ['{"route":"' + "*".repeat(100_000) + '","kind":"error"}', '{"route":"*a*a*a*a*a*a*a*a*a*a*b","kind":"hang"}', "{", '{"kind":"explode"}', '{"advanceMs":-5}']) {
      for (const control of ["_sim/faults", "_sim/clock", "_simctl/msp360/credentials", "..%2F..%2Fapi"]) {
        all.push({
          operation: "POST /api/v1/demo/simulators/{vendor}/{path}",
          method: "POST",
          url: `http://localhost/api/v1/demo/simulators/msp360/${control}`,
          params: { vendor: "msp360", path: control.split("/") },
          headers: { ...proofHeaders(), cookie: "a=%zz", "content-type": "application/json" },
          body,
        });
      }
    }
    for (const [vendor, login] of [["msp360", ["api", "Provider", "Login"]], ["rackspace", ["v2.0", "tokens"]], ["veeam", ["x"]], ["msp360", ["_simctl", "msp360", "credentials"]]] as const) {
      for (const body of ["", "{", '{"UserName": {"$ne": 1}}', JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: HUGE } } }), deepObject(3000)]) {
        all.push({ operation: "POST /sim/{vendor}/{path}", method: "POST", url: `http://localhost/sim/${vendor}/${login.join("/")}`, params: { vendor, path: [...login] }, headers: { "content-type": "application/json" }, body });
      }
    }
    expect(all.length).toBeGreaterThanOrEqual(1000);
    console.log(`fuzz: ${all.length} requests on ${provider}`);

    const failures: string[] = [];
    const seen = new Set<string>();
    for (const c of all) {
      const file = c.operation.startsWith("POST /sim/")
        ? path.join(ROOT, "app/sim/[vendor]/[[...path]]/route.ts")
        : c.operation.includes("/demo/simulators/")
          ? path.join(ROOT, "app/api/v1/demo/simulators/[vendor]/[...path]/route.ts")
          : path.join(ROOT, "app", c.operation.split(" ")[1]!.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
      let handler = handlers.get(`${file} ${c.method}`);
      if (!handler) {
        handler = ((await import(file)) as Record<string, Handler>)[c.method];
        if (!handler) throw new Error(`${c.operation}: the OpenAPI document lists it, but ${path.relative(ROOT, file)} exports no ${c.method}`);
        handlers.set(`${file} ${c.method}`, handler);
      }
      seen.add(c.operation);
      let response: Response;
      try {
        response = await handler(new Request(c.url, { method: c.method, headers: c.headers, body: c.body }), { params: Promise.resolve(c.params) });
      } catch (error) {
        failures.push(`${c.operation} threw ${(error as Error).message}`);
        continue;
      }
      const text = await response.text();
      const describe = `${c.operation} ${c.url.slice(0, 120)} ${JSON.stringify(c.headers).slice(0, 200)} ${String(typeof c.body === "string" ? c.body.slice(0, 80) : c.body ? "<bytes>" : "")}`;
      if (response.status >= 500) failures.push(`${response.status} ← ${describe}: ${text.slice(0, 200)}`);
      else if (response.status >= 400 && new URL(c.url).pathname.startsWith("/api/") && (response.headers.get("content-type") ?? "").includes("json")) {
        const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
        // The Public API's endpoints answer in the MSPbots shapes (seed 002), the rest in the app's.
        const shaped = PUBLIC_ENDPOINT.test(new URL(c.url).pathname)
          ? publicErrorSchema.safeParse(body).success || publicAuthErrorSchema.safeParse(body).success
          : typeof body.error?.code === "string" && typeof body.error?.message === "string";
        if (!shaped) failures.push(`no error shape ← ${describe}: ${text.slice(0, 200)}`);
      }
      if (/at \w+ \(|prisma|SQLITE_|syntax error at or near/i.test(text)) failures.push(`internals leaked ← ${describe}: ${text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    // Every operation of the document was exercised.
    const documented = Object.entries(openApiDocument().paths).flatMap(([p, item]) => Object.keys(item).filter((m) => m !== "parameters").map((m) => `${m.toUpperCase()} ${p}`));
    for (const operation of documented) expect(seen.has(operation), operation).toBe(true);
    expect(await fingerprint(client)).toBe(before);
  }, 600_000);
});
