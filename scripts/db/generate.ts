// Generates one Prisma client per provider from the shared schema (run by `npm install`).
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { PROJECT_ROOT, schemaFor } from "../../lib/db/schema-engine";
import type { DatabaseProvider } from "../../lib/db/url";

const providers: DatabaseProvider[] = ["sqlite", "postgresql"];
const prismaCli = path.join(PROJECT_ROOT, "node_modules/prisma/build/index.js");

for (const provider of providers) {
  const dir = path.join(PROJECT_ROOT, "prisma/generated", provider);
  fs.mkdirSync(dir, { recursive: true });
  const schemaFile = path.join(dir, "schema.prisma");
  fs.writeFileSync(schemaFile, `// Generated from prisma/schema.prisma; do not edit.\n${schemaFor(provider)}`);
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schemaFile], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    // `prisma generate` does not use the schema engine, but the CLI looks for its binary before any
    // command and would try to download it; pointing it at any existing file skips that.
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  console.log(`prisma client generated for ${provider}`);
}
