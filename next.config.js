// @ts-check
import { readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  env: { APP_VERSION: version },
  // Native modules and the database drivers load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "@node-rs/argon2", "pino", "undici"],
  experimental: { authInterrupts: true },
  // `npm run typecheck` and CI check types; the build that `npm start` runs on first start need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
