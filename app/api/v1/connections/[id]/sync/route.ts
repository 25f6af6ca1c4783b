import { apiRoute, idParams } from "@/lib/api/route";
import { AppError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/services/audit";
import { startSyncNow } from "@/lib/services/sync-now";

// POST /api/v1/connections/{id}/sync – "Sync now": 202 once the sync has started (it goes on in the
// background; GET /api/v1/sync shows it), 409 with since-when when one is already running.
export const POST = apiRoute({ role: "technician", params: idParams }, async ({ actor, params }) => {
  const connection = await db().connection.findUnique({ where: { id: params.id } });
  if (!connection) throw new AppError("not_found", "No such connection.");
  if (!connection.enabled) throw new AppError("conflict", "The connection is disabled; enable it first.");
  const result = await startSyncNow(connection.id);
  const target = { type: "connection", id: connection.id, label: connection.name };
  if (!result.started) {
    await recordAudit(actor, { action: "connection.sync", outcome: "failure", target, details: { reason: result.reason, runningSince: result.runningSince } });
    const since = result.runningSince ? ` (since ${result.runningSince})` : "";
    throw new AppError("conflict", `A sync of this connection is already running${since}.`, { runningSince: result.runningSince, syncRunId: result.syncRunId });
  }
  await recordAudit(actor, { action: "connection.sync", outcome: "success", target, details: { syncRunId: result.syncRunId } });
  return Response.json(result, { status: 202 });
});
