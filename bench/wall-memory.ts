// `npm run bench:wall -- http://127.0.0.1:3600`: the wall display over a simulated day, against a running app
// (sign-in as ADMIN_EMAIL / ADMIN_PASSWORD creates a display link, or pass WALL_URL). Opens /wall/{token} in a bare
// headless Chromium (no DevTools client on the page: Playwright's network tracking keeps every response body in
// the renderer, about 15 KB a poll, which a wall display does not) through a small proxy that counts the wall's
// polls and how many are in flight at once. Fast refresh (WALL_REFRESH_MS, default 250 ms) and rotation every
// second for WALL_CYCLES polls (default 5,760: a day at the default 15 s), sampling the memory (PSS) of the
// wall's tab (its renderer) and of the whole browser next to the same browser with a blank page, and the JS heap
// and DOM size (read through CDP's Runtime only). Then a slow phase: the proxy holds every answer three periods,
// and counts how many wall requests were ever in flight at once (react-query never overlaps them: it must be 1).
// Target: under 200 MB for the wall (its tab, and the browser above blank) all day, no growth trend, at most one
// request in flight.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { WebSocket } from "undici";

const base = process.argv[2] ?? process.env.BASE_URL ?? "http://127.0.0.1:3600";
const CYCLES = Number(process.env.WALL_CYCLES ?? 5760);
const REFRESH_MS = Number(process.env.WALL_REFRESH_MS ?? 250);
const SLOW_POLLS = Number(process.env.WALL_SLOW_POLLS ?? 6);
const LIMIT_MB = 200;

async function displayLink(): Promise<string> {
  if (process.env.WALL_URL) return process.env.WALL_URL;
  const cookies: string[] = [];
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: cookies.join("; ") } });
    for (const c of response.headers.getSetCookie()) cookies.push(c.split(";")[0]!);
    return response;
  };
  const { csrfToken } = (await (await call("/api/auth/csrf")).json()) as { csrfToken: string };
  await call("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: process.env.ADMIN_EMAIL ?? "admin@example.com", password: process.env.ADMIN_PASSWORD ?? "a-long-enough-password", json: "true" }),
  });
  const created = await call("/api/v1/display-links", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: `Benchmark ${new Date().toISOString()}` }) });
  if (created.status !== 201) throw new Error(`could not create a display link: ${created.status} ${await created.text()}`);
  return `${base}${((await created.json()) as { path: string }).path}`;
}

/** The Chromium process tree (browser, zygotes, GPU, utilities, renderers) with each process's type. */
function processTree(rootPid: number): { pid: number; type: string }[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => {
      const [pid, ppid, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), type: /--type=([a-z-]+)/.exec(args.join(" "))?.[1] ?? "browser" };
    });
  const tree = new Map([[rootPid, "browser"]]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (tree.has(row.ppid) && !tree.has(row.pid)) {
        tree.set(row.pid, row.type);
        grew = true;
      }
    }
  }
  return [...tree].map(([pid, type]) => ({ pid, type }));
}

/** Proportional set size in MB: shared libraries counted once across the tree (an RSS sum counts them per process). */
function pssMb(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The whole browser's memory, and the largest renderer's (the wall's tab: what the page itself costs). */
function browserMemory(rootPid: number): { treeMb: number; tabMb: number } {
  const tree = processTree(rootPid).map((p) => ({ ...p, mb: pssMb(p.pid) }));
  return { treeMb: tree.reduce((sum, p) => sum + p.mb, 0), tabMb: Math.max(0, ...tree.filter((p) => p.type === "renderer").map((p) => p.mb)) };
}

// ---------------------------------------------------------------------------------------------- the proxy

let polls = 0;
let inFlight = 0;
let maxInFlight = 0;
let holdMs = 0;
const upstream = new URL(base);
const proxy = http.createServer((request, response) => {
  const isWall = new URL(request.url ?? "/", base).pathname === "/api/v1/wall";
  if (isWall) maxInFlight = Math.max(maxInFlight, ++inFlight);
  const finished = () => {
    if (isWall) {
      inFlight--;
      polls++;
    }
  };
  const forward = () => {
    const outgoing = http.request({ host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: { ...request.headers, host: upstream.host } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
      answer.on("end", finished);
    });
    outgoing.on("error", () => {
      response.destroy();
      finished();
    });
    request.pipe(outgoing);
  };
  if (isWall && holdMs) setTimeout(forward, holdMs);
  else forward();
});
await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
const proxyBase = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;

// ---------------------------------------------------------------------------------------------- the browser

const link = new URL(await displayLink());
const debugPort = 9300 + Math.floor(Math.random() * 500);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "bench-wall-"));
const browser = spawn(
  process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--enable-precise-memory-info", `--user-data-dir=${profile}`, `--remote-debugging-port=${debugPort}`, "--window-size=1920,1080", "about:blank"],
  { stdio: "ignore" },
);
const rootPid = browser.pid!;

/** A CDP connection to the page for Runtime.evaluate only (no Network domain: nothing is kept per response). */
async function pageSession(): Promise<{ evaluate: <T>(expression: string) => Promise<T>; navigate: (url: string) => Promise<void> }> {
  let targets: { type: string; webSocketDebuggerUrl: string }[] = [];
  for (let i = 0; i < 100 && !targets.some((t) => t.type === "page"); i++) {
    await new Promise((r) => setTimeout(r, 200));
    targets = await fetch(`http://127.0.0.1:${debugPort}/json/list`).then((r) => r.json() as Promise<typeof targets>, () => []);
  }
  const socket = new WebSocket(targets.find((t) => t.type === "page")!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  };
  const send = (method: string, params: object) =>
    new Promise<unknown>((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    evaluate: async <T,>(expression: string) => ((await send("Runtime.evaluate", { expression, returnByValue: true })) as { result: { value: T } }).result.value,
    navigate: async (url: string) => void (await send("Page.navigate", { url })),
  };
}

const page = await pageSession();
// What Chromium costs with nothing open, to tell the wall's own share from the browser's.
await new Promise((r) => setTimeout(r, 3000));
const blank = browserMemory(rootPid);
await page.navigate(`${proxyBase}${link.pathname}?refreshMs=${REFRESH_MS}&rotateMs=1000`);
const wallState = () => page.evaluate<string | null>(`document.querySelector('[data-testid="wall"]')?.dataset.state ?? null`);
for (let i = 0; i < 300 && (await wallState()) !== "live"; i++) await new Promise((r) => setTimeout(r, 200));

async function sample() {
  const js = await page.evaluate<{ heap: number; nodes: number }>(`({ heap: performance.memory.usedJSHeapSize, nodes: document.getElementsByTagName("*").length })`);
  return { polls, heapMb: js.heap / 1e6, nodes: js.nodes, ...browserMemory(rootPid) };
}

const samples: Awaited<ReturnType<typeof sample>>[] = [];
const started = Date.now();
console.log(`wall ${link.origin}/wall/bcdl_…: ${CYCLES} polls every ${REFRESH_MS} ms (a day at 15 s), rotating every second`);
console.log(`Chromium with a blank page: ${blank.treeMb.toFixed(0)} MB in all, its tab ${blank.tabMb.toFixed(0)} MB (PSS)`);
console.log("   polls   heap MB   DOM nodes   tab PSS MB   browser PSS MB");
let nextSample = 0;
while (polls < CYCLES) {
  await new Promise((r) => setTimeout(r, 1000));
  if (polls >= nextSample) {
    const s = await sample();
    samples.push(s);
    console.log(`${String(s.polls).padStart(8)}  ${s.heapMb.toFixed(1).padStart(8)}  ${String(s.nodes).padStart(10)}  ${s.tabMb.toFixed(0).padStart(11)}  ${s.treeMb.toFixed(0).padStart(15)}`);
    nextSample += Math.max(Math.round(CYCLES / 20), 1);
  }
}
const last = await sample();
samples.push(last);
const peakTab = Math.max(...samples.map((s) => s.tabMb));
const peakTree = Math.max(...samples.map((s) => s.treeMb));
const peakAboveBlank = peakTree - blank.treeMb;
// Growth: the last quarter's median against the second quarter's (the first settles in).
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const quarter = Math.max(1, Math.floor(samples.length / 4));
const tabGrowth = median(samples.slice(-quarter).map((s) => s.tabMb)) - median(samples.slice(quarter, 2 * quarter).map((s) => s.tabMb));
const state = await wallState();

// The slow phase: each answer is held three periods; polls must wait for it, never pile up.
maxInFlight = 0;
holdMs = 3 * REFRESH_MS;
const before = polls;
await new Promise((r) => setTimeout(r, SLOW_POLLS * 3 * REFRESH_MS + 1000));
const slowAnswered = polls - before;

console.log("");
console.log(
  `after ${polls} polls in ${((Date.now() - started) / 60_000).toFixed(1)} min: heap ${last.heapMb.toFixed(1)} MB, ${last.nodes} DOM nodes; peaks: the wall's tab ${peakTab.toFixed(0)} MB (${tabGrowth >= 0 ? "+" : ""}${tabGrowth.toFixed(0)} MB from the second quarter to the last), the whole browser ${peakTree.toFixed(0)} MB = ${peakAboveBlank.toFixed(0)} MB above a blank page (limit ${LIMIT_MB} MB for the tab and for the wall's share), wall ${state}`,
);
console.log(`slow app (answers held ${holdMs} ms, polls every ${REFRESH_MS} ms): ${slowAnswered} answered, at most ${maxInFlight} request(s) in flight at once`);
const ok = peakTab < LIMIT_MB && peakAboveBlank < LIMIT_MB && maxInFlight <= 1 && state === "live";
console.log(ok ? "PASS" : "FAIL");
// Chromium writes its profile until it has exited: only then can the folder go.
await new Promise((resolve) => {
  browser.once("exit", resolve);
  browser.kill();
});
proxy.close();
fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
process.exit(ok ? 0 : 1);
