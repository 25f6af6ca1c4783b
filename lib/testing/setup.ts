// Runs before every test file: each file gets its own data directory, so generated keys and secrets
// never leak between files or into ./data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { resetEnvCache } from "@/lib/env";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-console-test-"));
// The simulators tests talk to listen on loopback: opened the way an operator would open them, so the vendor
// URL policy is exercised, not bypassed. Requests built by tests carry the app server's forwarding proof.
Object.assign(process.env, {
  NODE_ENV: "test",
  DATA_DIR: dir,
  LOG_LEVEL: "silent",
  ALLOWED_VENDOR_URLS: "http://127.0.0.1",
  BACKUP_CONSOLE_FORWARDED_PROOF: "test-forwarding-proof",
});
delete process.env.TRUST_PROXY;
delete process.env.APP_ENCRYPTION_KEY;
delete process.env.NEXTAUTH_SECRET;
delete process.env.DATABASE_URL;
resetEnvCache();

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
