// Runs before every test file: each file gets its own data directory, so generated keys and secrets
// never leak between files or into ./data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { resetEnvCache } from "@/lib/env";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-console-test-"));
Object.assign(process.env, { NODE_ENV: "test", DATA_DIR: dir, LOG_LEVEL: "silent" });
delete process.env.APP_ENCRYPTION_KEY;
delete process.env.NEXTAUTH_SECRET;
delete process.env.DATABASE_URL;
resetEnvCache();

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
