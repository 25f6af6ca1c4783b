// Backup operations (/backup/...) and activity (/system/activity/{agentId}, /activity).
import { route } from "@/lib/simulator-kit/routing";
import { rackspaceActionRequestSchema } from "../../schemas";
import { emptyResponse, idParam, jsonResponse, readBody, toId } from "../http";
import { DAY_MS } from "../schedule";
import { activityBody, availableBackupBody, backupBody, backupReportBody, completedBackupBody } from "../serialize";
import type { ApiRoute } from "../world";

/** The user-wide activity list shows what is running plus what finished in the last day (our choice; no paging). */
const USER_ACTIVITY_WINDOW_MS = DAY_MS;

export const backupRoutes: ApiRoute[] = [
  route("POST", "backup/action-requested", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceActionRequestSchema);
    if (body.Action === "StartManual") {
      // Id is the BackupConfigurationId; the answer is the new BackupId as a bare number.
      const run = world.startManualBackup(world.configuration(tenant, toId(body.Id)));
      return jsonResponse(run.id);
    }
    world.stopBackup(world.backup(tenant, toId(body.Id)));
    return emptyResponse(204);
  }),

  route("GET", "backup/availableforrestore", ({ world, tenant }) => {
    const now = world.now();
    const available = world.configurationsOf(tenant).flatMap((configuration) => {
      const last = world.restorableRuns(configuration, now).at(-1);
      return last ? [availableBackupBody(world, configuration, last.endAt)] : [];
    });
    return jsonResponse(available);
  }),

  route("GET", "backup/completed/{id:int}", ({ params, world, tenant }) => {
    const configuration = world.configuration(tenant, idParam(params, "id"));
    return jsonResponse(world.restorableRuns(configuration, world.now()).map(completedBackupBody));
  }),

  route("GET", "backup/report/{id:int}", ({ params, world, tenant }) => jsonResponse(backupReportBody(world, world.backup(tenant, idParam(params, "id"))))),

  route("GET", "backup/{id:int}", ({ params, world, tenant }) => jsonResponse(backupBody(world, world.backup(tenant, idParam(params, "id"))))),

  route("GET", "system/activity/{agentId:int}", ({ params, world, tenant }) => {
    return jsonResponse(activityBody(world, tenant, [world.agent(tenant, idParam(params, "agentId"))], null));
  }),

  route("GET", "activity", ({ world, tenant }) => {
    return jsonResponse(activityBody(world, tenant, tenant.agents.values(), world.now() - USER_ACTIVITY_WINDOW_MS));
  }),
];
