// The data directory holds what the app generates for itself: the SQLite file, the session secret and the key ring.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "./env";
import { logger } from "./logger";

export function dataDir(): string {
  const dir = env().DATA_DIR;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * Reads a file from the data directory, creating it once with `create()` and owner-only permissions.
 * The exclusive create (`wx`) keeps two instances started together from writing different values.
 */
export function readOrCreateSecretFile(name: string, create: () => string, warning: string): string {
  const file = path.join(dataDir(), name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  try {
    fs.writeFileSync(file, create(), { mode: 0o600, flag: "wx" });
    logger.warn({ file }, warning);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}

export function randomBase64(bytes: number): string {
  return randomBytes(bytes).toString("base64");
}
