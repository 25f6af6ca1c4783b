// `npm start`: builds the app when the build is missing or older than the sources, applies pending
// database migrations, then serves the app with `next start` (PORT, default 3000; HOSTNAME, default all).
// `npm run dev` does the same with `next dev` and no build.
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { PROJECT_ROOT } from "../lib/db/schema-engine";
import { prepareDatabase } from "../lib/db/prepare";
import { resolveDatabaseTarget } from "../lib/db/url";

const dev = process.argv.includes("--dev");
const nextBin = path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next");
const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "postcss.config.js"];

function newestMtime(entry: string): number {
  const full = path.join(PROJECT_ROOT, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsCurrent(): boolean {
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

const target = resolveDatabaseTarget(process.env.DATABASE_URL?.trim() || undefined, path.resolve(process.env.DATA_DIR?.trim() || "data"));
const applied = await prepareDatabase(target);
console.log(`Database (${target.provider}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);

const args = [nextBin, dev ? "dev" : "start", "--port", process.env.PORT ?? "3000"];
if (process.env.HOSTNAME) args.push("--hostname", process.env.HOSTNAME);
const server = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
