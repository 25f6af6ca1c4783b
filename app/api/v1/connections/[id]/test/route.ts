import { apiRoute, idParams } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { adapterFor } from "@/lib/sync/runtime";

// POST /api/v1/connections/{id}/test – a real login and one list call; says in words what failed
export const POST = apiRoute({ role: "admin", params: idParams }, async ({ params }) => {
  const row = await db().connection.findUnique({ where: { id: params.id } });
  if (!row) throw new AppError("not_found", "No such connection.");
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { summary } = await adapterFor(row).testConnection();
    return { ok: true, summary, durationMs: elapsed() };
  } catch (error) {
    // A vendor that refuses, or a secret that no longer decrypts, is the answer to the test, not a server error.
    if (!(error instanceof AppError)) throw error;
    return { ok: false, kind: "kind" in error ? String(error.kind) : error.code, message: error.message, durationMs: elapsed() };
  }
});
