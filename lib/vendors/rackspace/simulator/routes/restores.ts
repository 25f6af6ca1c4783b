// Restore configuration and restore operations (/restore/...). A restore is configured while Creating
// (files included/excluded), then started; an encrypted vault needs its passphrase RSA-encrypted with the
// restore's PublicKey (the destination agent's key), which the simulator decrypts and checks.
import { queryParam, route } from "@/lib/simulator-kit/routing";
import {
  RACKSPACE_REGIONS,
  rackspaceCreateRestoreRequestSchema,
  rackspaceRestoreActionRequestSchema,
  rackspaceRestoreFileRequestSchema,
  rackspaceUpdateRestoreRequestSchema,
  type RackspaceCreateRestoreRequest,
  type RackspaceRegion,
} from "../../schemas";
import { RackspaceApiError, emptyResponse, idParam, invalid, jsonResponse, readBody, toBoolean, toId } from "../http";
import type { Restore, Tenant } from "../model";
import { restoreBody, restoreFilesBody, restoreReportBody } from "../serialize";
import { isSuccess } from "../timeline";
import type { ApiRoute, RackspaceWorld } from "../world";

/** Wire values → the model's: Filter 1 include / 2 exclude, FileItemType 0 file / 1 folder / 2 database. */
const FILTERS = [undefined, 1, 2] as const;
const ITEM_TYPES = [0, 1, 2] as const;

/** What a create or update request says about the restore's source and destination, checked against the world. */
function restoreTarget(world: RackspaceWorld, tenant: Tenant, body: RackspaceCreateRestoreRequest) {
  const backup = world.backup(tenant, toId(body.BackupId));
  if (!isSuccess(backup.endState) || backup.endAt > world.now()) {
    throw invalid("BackupId", `Backup ${backup.id} has not completed and cannot be restored.`);
  }
  const source = backup.configuration.agent;
  if (toId(body.BackupMachineId) !== source.id) throw invalid("BackupMachineId", `Backup ${backup.id} was not made by agent ${body.BackupMachineId}.`);
  const destination = world.agent(tenant, toId(body.DestinationMachineId));
  let backupDataCenter: RackspaceRegion = source.datacenter;
  if (body.BackupDataCenter !== undefined) {
    const region = RACKSPACE_REGIONS.find((candidate) => candidate === body.BackupDataCenter?.trim().toUpperCase());
    if (!region) throw invalid("BackupDataCenter", `BackupDataCenter must be one of ${RACKSPACE_REGIONS.join(", ")}.`);
    backupDataCenter = region;
  }
  return { backup, source, destination, backupDataCenter, destinationPath: body.DestinationPath, overwriteFiles: toBoolean(body.OverwriteFiles) };
}

function creatingRestore(world: RackspaceWorld, tenant: Tenant, id: number): Restore {
  const restore = world.restore(tenant, id);
  if (restore.timing) throw new RackspaceApiError(400, `Restore ${id} has been started; only restores in the Creating state can be changed.`);
  return restore;
}

/**
 * An encrypted vault is only restored with its passphrase, encrypted with the restore's PublicKey: missing → 400,
 * not decryptable with that key or not the vault's passphrase → 403.
 */
function checkVaultPassword(world: RackspaceWorld, restore: Restore, encryptedPassword: string | null | undefined): string | null {
  if (!restore.backup.encrypted) return null;
  if (!encryptedPassword) throw invalid("EncryptedPassword", "This backup is encrypted: EncryptedPassword is required.");
  const passphrase = world.decryptFor(restore.destination, encryptedPassword);
  if (passphrase === null) throw new RackspaceApiError(403, "EncryptedPassword must be the vault password encrypted with the restore's PublicKey.");
  if (passphrase !== restore.source.passphrase) throw new RackspaceApiError(403, "The encryption password for this backup vault is not correct.");
  return encryptedPassword;
}

function startRestore(world: RackspaceWorld, restore: Restore, encryptedPassword: string | null | undefined): void {
  if (restore.timing) throw new RackspaceApiError(400, `Restore ${restore.id} has already been started.`);
  if (restore.destination.isDisabled) throw new RackspaceApiError(403, "The destination agent is disabled.");
  world.startRestore(restore, checkVaultPassword(world, restore, encryptedPassword));
}

export const restoreRoutes: ApiRoute[] = [
  route("PUT", "restore", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceCreateRestoreRequestSchema);
    return jsonResponse(restoreBody(world, world.createRestore(tenant, restoreTarget(world, tenant, body))));
  }),

  route("POST", "restore", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceUpdateRestoreRequestSchema);
    const restore = creatingRestore(world, tenant, toId(body.RestoreId));
    const target = restoreTarget(world, tenant, body);
    if (toId(body.BackupConfigurationId) !== target.backup.configuration.id) {
      throw invalid("BackupConfigurationId", `Backup ${target.backup.id} does not belong to configuration ${body.BackupConfigurationId}.`);
    }
    const stateId = toId(body.RestoreStateId);
    if (stateId !== 0 && stateId !== 1) throw invalid("RestoreStateId", "RestoreStateId must be 0 (Creating) or 1 (Queued).");
    Object.assign(restore, target);
    if (stateId === 1) startRestore(world, restore, body.EncryptedPassword);
    return emptyResponse(204);
  }),

  route("PUT", "restore/files", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceRestoreFileRequestSchema);
    const restore = creatingRestore(world, tenant, toId(body.ParentId));
    world.addRestoreFile(restore, {
      path: body.FilePath,
      filter: FILTERS[Number(body.Filter)] ?? 1,
      itemType: ITEM_TYPES[Number(body.FileItemType)] ?? 0,
    });
    return emptyResponse(200);
  }),

  route("GET", "restore/files/{id:int}", ({ url, params, world, tenant }) => {
    const restore = world.restore(tenant, idParam(params, "id"));
    // Optional narrowing the seed describes ("view the included or the excluded files ... files, folders or databases").
    const filter = queryParam(url, "Filter");
    const itemType = queryParam(url, "FileItemType");
    const files = restoreFilesBody(restore).filter(
      (file) => (filter === null || String(file.Filter) === filter) && (itemType === null || String(file.FileItemType) === itemType),
    );
    return jsonResponse(files);
  }),

  route("DELETE", "restore/files/{id:int}", ({ params, world, tenant }) => {
    creatingRestore(world, tenant, idParam(params, "id")).files = [];
    return emptyResponse(204);
  }),

  route("POST", "restore/action-requested", async ({ request, world, tenant }) => {
    const body = await readBody(request, rackspaceRestoreActionRequestSchema);
    const restore = world.restore(tenant, toId(body.Id));
    if (body.Action === "StartManual") startRestore(world, restore, body.EncryptedPassword);
    else world.stopRestore(restore);
    return emptyResponse(204);
  }),

  route("GET", "restore/report/{id:int}", ({ params, world, tenant }) => {
    const restore = world.restore(tenant, idParam(params, "id"));
    const report = restoreReportBody(world, restore);
    if (!report) throw new RackspaceApiError(404, `Restore ${restore.id} has not been started; it has no report yet.`);
    return jsonResponse(report);
  }),

  route("GET", "restore/{id:int}", ({ params, world, tenant }) => jsonResponse(restoreBody(world, world.restore(tenant, idParam(params, "id"))))),
];
