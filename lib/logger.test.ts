import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

describe("logger", () => {
  it("redacts secrets wherever they sit in a log line", () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const log = createLogger(sink as never, "info");
    log.info({ password: "p4ss", connection: { secret: "s3cr3t", name: "Main" }, req: { headers: { authorization: "Bearer tok3n" } } }, "hello");
    const text = lines.join("");
    expect(text).toContain("Main");
    for (const secret of ["p4ss", "s3cr3t", "tok3n"]) expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
  });
});
