// `npm run bench:sim`: builds each simulator with 10,000 endpoints, serves it over real HTTP, and measures
// list calls (p50/p95 over repeated calls) and memory. Prints a table and writes bench/results/simulators.json.
import fs from "node:fs";
import path from "node:path";
import { serveSimulator } from "../lib/simulator-kit/serve";
import { createMsp360Simulator } from "../lib/vendors/msp360/simulator";
import { createRackspaceSimulator } from "../lib/vendors/rackspace/simulator";

const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 10_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, call: () => Promise<Response>) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    const response = await call();
    const body = await response.arrayBuffer();
    times.push(performance.now() - started);
    if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { call: label, p50Ms: +percentile(times, 50).toFixed(1), p95Ms: +percentile(times, 95).toFixed(1), bodyKB: Math.round(bytes / 1024) };
}

const rows: Record<string, unknown>[] = [];
const heapMB = () => Math.round(process.memoryUsage().heapUsed / 1024 / 1024);

{
  const before = heapMB();
  const started = performance.now();
  const server = await serveSimulator(createMsp360Simulator({ endpoints: ENDPOINTS }));
  const buildMs = Math.round(performance.now() - started);
  const login = await (await fetch(`${server.url}/api/Provider/Login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ UserName: "demo", Password: "demo-password" }) })).json();
  const auth = { authorization: `Bearer ${login.access_token}` };
  for (const [label, url] of [
    ["GET api/Computers/0/100", "/api/Computers/0/100"],
    ["GET api/Computers/0/1000", "/api/Computers/0/1000"],
    ["GET api/Users", "/api/Users"],
    ["GET api/Monitoring", "/api/Monitoring"],
  ] as const) {
    rows.push({ vendor: "msp360", buildMs, heapMB: heapMB() - before, ...(await measure(label, () => fetch(`${server.url}${url}`, { headers: auth }))) });
  }
  await server.close();
}

{
  const before = heapMB();
  const started = performance.now();
  const server = await serveSimulator(createRackspaceSimulator({ endpoints: ENDPOINTS }));
  const buildMs = Math.round(performance.now() - started);
  const identity = await (await fetch(`${server.url}/v2.0/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: "demo-api-key" } } }) })).json();
  const token = identity.access.token.id as string;
  const base = identity.access.serviceCatalog.find((s: { name: string }) => s.name === "cloudBackup").endpoints[0].publicURL as string;
  const agents = await (await fetch(`${base}/user/agents`, { headers: { "x-auth-token": token } })).json();
  const agentId = agents[0].MachineAgentId;
  for (const [label, url] of [
    ["GET user/agents", "/user/agents"],
    ["GET backup-configuration", "/backup-configuration"],
    ["GET activity", "/activity"],
    ["GET agent/{id}", `/agent/${agentId}`],
  ] as const) {
    rows.push({ vendor: "rackspace", buildMs, heapMB: heapMB() - before, ...(await measure(label, () => fetch(`${base}${url}`, { headers: { "x-auth-token": token } }))) });
  }
  await server.close();
}

console.log(`Simulators with ${ENDPOINTS} endpoints, ${REPEAT} calls each, over HTTP on 127.0.0.1 (process RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB)`);
console.table(rows);
const out = path.join(import.meta.dirname, "results");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "simulators.json"), JSON.stringify({ at: new Date().toISOString(), endpoints: ENDPOINTS, repeat: REPEAT, rows }, null, 2));
