// Backup operations (/backup/...) and activity (/system/activity/{agentId}, /activity).
import type { Hono } from "hono";
import { rackspaceActionRequestSchema } from "../schemas";
import { idParam, readBody, tenantOf, toId, type RouteEnv } from "./http";
import { DAY_MS } from "./schedule";
import {
  activityBody,
  availableBackupBody,
  backupBody,
  backupReportBody,
  completedBackupBody,
} from "./serialize";
import type { RackspaceWorld } from "./world";
import { emptyResponse, jsonResponse } from "./wire";

/** The user-wide activity list shows what is running plus what finished in the last day (our choice; no paging). */
const USER_ACTIVITY_WINDOW_MS = DAY_MS;

export function backupRoutes(api: Hono<RouteEnv>, world: RackspaceWorld): void {
  api.post("/backup/action-requested", async (c) => {
    const body = await readBody(c, rackspaceActionRequestSchema);
    const tenant = tenantOf(c);
    if (body.Action === "StartManual") {
      // Id is the BackupConfigurationId; the answer is the new BackupId as a bare number.
      const run = world.startManualBackup(world.configuration(tenant, toId(body.Id)));
      return jsonResponse(run.id);
    }
    world.stopBackup(world.backup(tenant, toId(body.Id)));
    return emptyResponse(204);
  });

  api.get("/backup/availableforrestore", (c) => {
    const now = world.now();
    const available = world.configurationsOf(tenantOf(c)).flatMap((configuration) => {
      const last = world.restorableRuns(configuration, now).at(-1);
      return last ? [availableBackupBody(world, configuration, last.endAt)] : [];
    });
    return jsonResponse(available);
  });

  api.get("/backup/completed/:id{[0-9]+}", (c) => {
    const configuration = world.configuration(tenantOf(c), idParam(c, "id"));
    return jsonResponse(world.restorableRuns(configuration, world.now()).map(completedBackupBody));
  });

  api.get("/backup/report/:id{[0-9]+}", (c) => jsonResponse(backupReportBody(world, world.backup(tenantOf(c), idParam(c, "id")))));

  api.get("/backup/:id{[0-9]+}", (c) => jsonResponse(backupBody(world, world.backup(tenantOf(c), idParam(c, "id")))));

  api.get("/system/activity/:agentId{[0-9]+}", (c) => {
    const tenant = tenantOf(c);
    return jsonResponse(activityBody(world, tenant, [world.agent(tenant, idParam(c, "agentId"))], null));
  });

  api.get("/activity", (c) => {
    const tenant = tenantOf(c);
    return jsonResponse(activityBody(world, tenant, tenant.agents.values(), world.now() - USER_ACTIVITY_WINDOW_MS));
  });
}
