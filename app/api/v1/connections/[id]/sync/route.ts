import { apiRoute, idParams } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/services/audit";
import { syncConnection } from "@/lib/sync/engine";
import { logger } from "@/lib/logger";

// POST /api/v1/connections/{id}/sync – "Sync now": starts a sync in the background (202); GET /api/v1/sync shows it
export const POST = apiRoute({ role: "technician", params: idParams }, async ({ actor, params }) => {
  const connection = await db().connection.findUnique({ where: { id: params.id } });
  if (!connection) throw new AppError("not_found", "No such connection.");
  if (!connection.enabled) throw new AppError("conflict", "The connection is disabled; enable it first.");
  await recordAudit(actor, { action: "connection.sync", outcome: "success", target: { type: "connection", id: connection.id, label: connection.name } });
  void syncConnection(connection.id, "manual").catch((error) => logger.error({ err: error }, "manual sync crashed"));
  return Response.json({ started: true }, { status: 202 });
});
