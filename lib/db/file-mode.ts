// The SQLite database and its WAL/SHM files are for the app's user only, like the key files.
import fs from "node:fs";
import path from "node:path";

/**
 * Creates the database file 0600 when its directory exists and the file does not (SQLite gives the WAL and
 * SHM files it creates the database file's mode), and tightens files made before this to 0600.
 */
export function restrictSqliteFiles(file: string): void {
  if (!fs.existsSync(file) && fs.existsSync(path.dirname(file))) fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const candidate of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      fs.chmodSync(candidate, 0o600);
    } catch {
      // absent, or not ours to change (a read-only deployment): nothing to tighten
    }
  }
}
