// The SQLite database and its WAL/SHM files are readable by the app's user only, like the key files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/databases";
import { createDb } from "./client";

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("SQLite files", () => {
  it("are created 0600, WAL and SHM included, whatever the umask", async () => {
    const previous = process.umask(0o022);
    const database = await createTestDatabase("sqlite");
    try {
      await database.client.appSetting.create({ data: { key: "probe", value: "x" } });
      const file = database.file ?? database.target.url.replace(/^file:/, "");
      for (const candidate of [file, `${file}-wal`, `${file}-shm`]) {
        expect(fs.existsSync(candidate), candidate).toBe(true);
        expect(mode(candidate).toString(8), candidate).toBe("600");
      }
    } finally {
      process.umask(previous);
      await database.drop();
    }
  });

  it("are tightened when an older install left them readable by others", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-console-mode-"));
    const file = path.join(dir, "app.db");
    try {
      for (const candidate of [file, `${file}-wal`]) fs.writeFileSync(candidate, "", { mode: 0o644 });
      const client = createDb({ provider: "sqlite", url: `file:${file}` });
      expect(mode(file).toString(8)).toBe("600");
      expect(mode(`${file}-wal`).toString(8)).toBe("600");
      await client.$disconnect();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
