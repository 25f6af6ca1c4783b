import { apiRoute, idParams } from "@/lib/api/route";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { adapterFor } from "@/lib/vendors/adapters";
import { describeVendorError, VendorError } from "@/lib/vendors/errors";
import { VaultError } from "@/lib/vault/vault";

// POST /api/v1/connections/{id}/test – a real login and one list call; says in words what failed
export const POST = apiRoute({ role: "admin", params: idParams }, async ({ params }) => {
  if (!(await db().connection.findUnique({ where: { id: params.id }, select: { id: true } }))) throw new AppError("not_found", "No such connection.");
  const started = performance.now();
  try {
    const { adapter } = await adapterFor(params.id);
    const { summary } = await adapter.testConnection();
    return { ok: true, summary, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof VaultError) {
      return { ok: false, kind: "secret", message: "The stored secret could not be decrypted: enter it again.", durationMs: Math.round(performance.now() - started) };
    }
    if (!(error instanceof VendorError)) throw error;
    return { ok: false, kind: error.kind, message: describeVendorError(error), durationMs: Math.round(performance.now() - started) };
  }
});
