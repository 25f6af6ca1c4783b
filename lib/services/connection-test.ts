// "Test connection": a real sign-in and one list call, with what failed in words.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ConnectionTestDto } from "@/lib/schemas/sync";
import { adapterFor } from "@/lib/sync/runtime";
import { VendorError } from "@/lib/vendors/errors";

export async function testConnection(id: string): Promise<ConnectionTestDto> {
  const row = await db().connection.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such connection.");
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { summary } = await (await adapterFor(row)).testConnection();
    return { ok: true, summary, durationMs: elapsed() };
  } catch (error) {
    // A vendor that refuses, or a secret that no longer decrypts, is the answer to the test, not a server error.
    if (!(error instanceof AppError)) throw error;
    return { ok: false, kind: error instanceof VendorError ? error.kind : error.code, message: error.message, durationMs: elapsed() };
  }
}
