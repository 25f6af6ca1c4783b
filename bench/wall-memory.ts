// `npm run bench:wall -- http://127.0.0.1:3600`: the wall display over a simulated day, against a running app
// (sign-in as ADMIN_EMAIL / ADMIN_PASSWORD creates a display link, or pass WALL_URL). Drives /wall/{token} in
// headless Chromium with a fast refresh (WALL_REFRESH_MS, default 250 ms) and page rotation for WALL_CYCLES polls
// (default 5,760: a day at the default 15 s), sampling the JS heap (CDP Performance.getMetrics) and the browser's
// memory: the wall's tab (its renderer) and the whole process tree, next to the same browser with a blank page
// (Chromium itself takes about 250–300 MB here before any page). Then a slow phase: every answer is held back three periods, and the benchmark counts how many
// wall requests were ever in flight at once (react-query never overlaps them: the answer must be 1).
// Target: under 200 MB for the wall (its tab, and the browser above blank) all day, no growth trend, at most one
// request in flight.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { chromium, type Request } from "@playwright/test";

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

const url = await displayLink();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
// Playwright does not expose the browser's pid; the newest chromium whose parent is this process is it.
const rootPid = Number(
  execFileSync("ps", ["-eo", "pid=,ppid=,comm="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter(([, ppid, comm]) => Number(ppid) === process.pid && /chrom/.test(comm ?? ""))
    .map(([pid]) => pid)
    .pop(),
);
const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Performance.enable");

let inFlight = 0;
let maxInFlight = 0;
let answered = 0;
const isWall = (r: Request) => new URL(r.url()).pathname === "/api/v1/wall";
page.on("request", (r) => isWall(r) && (maxInFlight = Math.max(maxInFlight, ++inFlight)));
const done = (r: Request) => isWall(r) && (inFlight--, answered++);
page.on("requestfinished", done);
page.on("requestfailed", done);

// What Chromium costs with nothing open, to tell the wall's own share from the browser's.
await page.goto("about:blank");
await page.waitForTimeout(2000);
const blank = rootPid ? browserMemory(rootPid) : { treeMb: NaN, tabMb: NaN };
await page.goto(`${url}?refreshMs=${REFRESH_MS}&rotateMs=1000`);
await page.getByTestId("wall").and(page.locator('[data-state="live"]')).waitFor({ timeout: 60_000 });

async function sample() {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
  const memory = rootPid ? browserMemory(rootPid) : { treeMb: NaN, tabMb: NaN };
  return { polls: answered, heapMb: m("JSHeapUsedSize") / 1e6, nodes: m("Nodes"), listeners: m("JSEventListeners"), ...memory };
}

const samples: Awaited<ReturnType<typeof sample>>[] = [];
const started = Date.now();
console.log(`wall ${url.replace(/bcdl_.*/, "bcdl_…")}: ${CYCLES} polls every ${REFRESH_MS} ms (a day at 15 s), rotating every second`);
console.log(`Chromium with a blank page: ${blank.treeMb.toFixed(0)} MB in all, its tab ${blank.tabMb.toFixed(0)} MB (PSS)`);
console.log("   polls   heap MB   DOM nodes   listeners   tab PSS MB   browser PSS MB");
let nextSample = 0;
while (answered < CYCLES) {
  await page.waitForTimeout(1000);
  if (answered >= nextSample) {
    const s = await sample();
    samples.push(s);
    console.log(`${String(s.polls).padStart(8)}  ${s.heapMb.toFixed(1).padStart(8)}  ${String(s.nodes).padStart(10)}  ${String(s.listeners).padStart(10)}  ${s.tabMb.toFixed(0).padStart(11)}  ${s.treeMb.toFixed(0).padStart(15)}`);
    nextSample += Math.max(Math.round(CYCLES / 20), 1);
  }
}
await cdp.send("HeapProfiler.collectGarbage");
const last = await sample();
samples.push(last);
const peakTab = Math.max(...samples.map((s) => s.tabMb));
const peakTree = Math.max(...samples.map((s) => s.treeMb));
const peakAboveBlank = peakTree - blank.treeMb;
const firstQuarter = samples.slice(1, Math.max(2, samples.length / 4)).map((s) => s.heapMb);
const growth = last.heapMb - Math.min(...firstQuarter);
const state = await page.getByTestId("wall").getAttribute("data-state");

// The slow phase: each answer is held three periods; polls must wait for it, never pile up.
maxInFlight = 0;
const before = answered;
await page.route("**/api/v1/wall", async (route) => {
  await new Promise((r) => setTimeout(r, 3 * REFRESH_MS));
  await route.continue();
});
await page.waitForTimeout(SLOW_POLLS * 3 * REFRESH_MS + 1000);
const slowAnswered = answered - before;

console.log("");
console.log(`after ${answered} polls in ${((Date.now() - started) / 60_000).toFixed(1)} min: heap ${last.heapMb.toFixed(1)} MB after GC (${growth >= 0 ? "+" : ""}${growth.toFixed(1)} MB since the first quarter), ${last.nodes} DOM nodes, peaks: the wall's tab ${peakTab.toFixed(0)} MB, the whole browser ${peakTree.toFixed(0)} MB = ${peakAboveBlank.toFixed(0)} MB above a blank page (limit ${LIMIT_MB} MB for the tab and for the wall's share), wall ${state}`);
console.log(`slow app (answers held ${3 * REFRESH_MS} ms, polls every ${REFRESH_MS} ms): ${slowAnswered} answered, at most ${maxInFlight} request(s) in flight at once`);
const ok = peakTab < LIMIT_MB && peakAboveBlank < LIMIT_MB && maxInFlight <= 1 && state === "live";
console.log(ok ? "PASS" : "FAIL");
await browser.close();
process.exit(ok ? 0 : 1);
