// `npm start`: builds the app when the build is missing or older than the sources, applies pending
// database migrations, then serves the app with scripts/server.mjs (PORT, default 3000; HOSTNAME, default all).
// `npm run dev` does the same with hot reload and no build. Plain JavaScript, run by node itself, so the
// supervising process stays small next to the server.
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

const dev = process.argv.includes("--dev");
const nextBin = path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next");
const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "postcss.config.js"];

function newestMtime(entry) {
  const full = path.join(PROJECT_ROOT, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsCurrent() {
  const buildId = path.join(PROJECT_ROOT, ".next/BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((entry) => newestMtime(entry) <= builtAt);
}

if (!dev && !buildIsCurrent()) {
  console.log("Building the app (first start, or the sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: PROJECT_ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Migrations run in their own short-lived process: the schema engine (WebAssembly) then does not stay in memory.
const tsx = path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs");
const migrate = spawnSync(process.execPath, [tsx, path.join(PROJECT_ROOT, "scripts/db/deploy.ts")], { cwd: PROJECT_ROOT, stdio: "inherit" });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const args = [path.join(PROJECT_ROOT, "scripts/server.mjs"), ...(dev ? ["--dev"] : [])];
// V8 grows its heap lazily up to a quarter of the machine's memory; a ceiling makes it collect garbage
// instead, which keeps a 10,000-endpoint installation's server well inside a few hundred MB.
const nodeOptions = process.env.NODE_OPTIONS ?? `--max-old-space-size=${process.env.MAX_HEAP_MB ?? 512}`;
const server = spawn(process.execPath, args, {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: { ...process.env, NODE_OPTIONS: nodeOptions, NODE_ENV: dev ? "development" : "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
