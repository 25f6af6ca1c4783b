// Actions: what a technician asks a vendor to do, from the request to its end at the vendor.
//
// One row per Idempotency-Key and user: the row is inserted before the vendor is called, so a double click, a
// retried request or a second app instance finds the row instead of calling again (the unique key decides who
// calls). The vendor's answer is recorded on the row and in the audit log. A started backup or restore is then
// followed: whoever reads the action reads the vendor (at most every few seconds, one instance at a time), until
// it ends. A call whose outcome is unclear is never sent again: the vendor's state is read to find out.
import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session";
import { db, isUniqueViolation } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import {
  ACTION_LABELS,
  type ActionDto,
  type ActionListQuery,
  type CapabilityDto,
  type CreateActionInput,
} from "@/lib/schemas/actions";
import { syncConnection } from "@/lib/sync/engine";
import { adapterFor, type ConnectionRow } from "@/lib/sync/runtime";
import type { BackupPlan } from "@/lib/vendors/backup-plan";
import { VENDOR_INFO, vendorSchema } from "@/lib/vendors/catalog";
import { ACTION_TARGET_OF, type ActionObject, type ActionRequest, type ActionResult, type FollowedState, type StartedJob } from "@/lib/vendors/contract";
import { VendorError } from "@/lib/vendors/errors";
import { isCompleted, type Status } from "@/lib/vendors/status";
import { recordAudit } from "./audit";
import { asVendor, iso } from "./listing";
import { startSyncNow } from "./sync-now";
import { forgetConfigurationReport } from "./vendor-reports";

/** How often the vendor is read for one action while someone watches it. */
const FOLLOW_EVERY_MS = 5_000;
/** An action still "sending" after this long lost its instance mid-call: its outcome is unknown. */
const SENDING_TIMEOUT_MS = 2 * 60_000;
/** How long creating or editing a plan waits for the sync that brings the change into the app. */
const REFRESH_WAIT_MS = 15_000;
/** A restore prepared but never started is cleared at the vendor after this long. */
export const ABANDONED_RESTORE_MS = 30 * 60_000;

type ActionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["action"]["findUnique"]>>>;

// ---------------------------------------------------------------------------------------------- targets

interface Target {
  kind: "configuration" | "endpoint" | "run";
  id: string;
  label: string;
  /** The object's own name (a plan's, typed to confirm its deletion). */
  name: string;
  connection: ConnectionRow;
  customerId: string | null;
  object: ActionObject;
  /** What the app knows of it now, for the checks before calling the vendor. */
  status: string;
  online?: boolean;
  runType?: string;
}

async function loadTarget(kind: Target["kind"], id: string): Promise<Target> {
  const client = db();
  if (kind === "configuration") {
    const row = await client.backupConfiguration.findUnique({ where: { id }, include: { connection: true, endpoint: { select: { vendorId: true, name: true, online: true } } } });
    if (!row || row.removedAt) throw new AppError("not_found", "No such backup plan.");
    return {
      kind,
      id,
      label: `${row.name} on ${row.endpoint.name}`,
      name: row.name,
      connection: row.connection,
      customerId: row.customerId,
      object: { vendorId: row.vendorId, endpointVendorId: row.endpoint.vendorId, raw: row.raw },
      status: row.status,
      online: row.endpoint.online,
    };
  }
  if (kind === "endpoint") {
    const row = await client.endpoint.findUnique({ where: { id }, include: { connection: true } });
    if (!row || row.removedAt) throw new AppError("not_found", "No such agent.");
    return { kind, id, label: row.name, name: row.name, connection: row.connection, customerId: row.customerId, object: { vendorId: row.vendorId, endpointVendorId: row.vendorId, raw: row.raw }, status: row.status, online: row.online };
  }
  const row = await client.run.findUnique({ where: { id }, include: { connection: true, endpoint: { select: { vendorId: true, name: true } } } });
  if (!row) throw new AppError("not_found", "No such run.");
  return {
    kind,
    id,
    label: `${row.type === "restore" ? "Restore" : "Backup"} of ${row.endpoint.name}`,
    name: row.vendorId,
    connection: row.connection,
    customerId: row.customerId,
    object: { vendorId: row.vendorId, endpointVendorId: row.endpoint.vendorId, raw: row.raw },
    status: row.status,
    runType: row.type,
  };
}

// ---------------------------------------------------------------------------------------------- capabilities

/** What can be done to a stored object, and for what cannot, why and where instead. */
export async function capabilitiesOf(kind: Target["kind"], id: string): Promise<CapabilityDto[]> {
  const target = await loadTarget(kind, id);
  const adapter = await adapterFor(target.connection);
  const vendor = vendorSchema.parse(target.connection.vendor);
  return adapter.actions
    .capabilities({ unverifiedCalls: target.connection.unverifiedCalls })
    .filter((capability) => ACTION_TARGET_OF[capability.action] === kind)
    .map((capability) =>
      capability.available
        ? { action: capability.action, available: true, unverified: capability.unverified ?? false, reason: null, consoleUrl: null }
        : { action: capability.action, available: false, unverified: false, reason: capability.reason, consoleUrl: VENDOR_INFO[vendor].consoleUrl },
    );
}

// ---------------------------------------------------------------------------------------------- DTO

function toDto(row: ActionRow, createdId: string | null = null): ActionDto {
  const job = row.job as StartedJob | null;
  const state = row.jobState as FollowedState | null;
  return {
    id: row.id,
    type: row.type as ActionDto["type"],
    state: row.state as ActionDto["state"],
    message: row.message,
    vendorMessage: row.vendorMessage,
    target: { kind: row.targetKind as ActionDto["target"]["kind"], id: row.targetId, label: row.targetLabel },
    vendor: asVendor(row.vendor),
    connectionId: row.connectionId,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    job: job && state ? { kind: job.kind, status: state.status, stateLabel: state.stateLabel, finished: state.finished } : null,
    runId: row.runId,
    settleUntil: iso(row.settleUntil),
    retryable: row.type === "restore.start" && row.state === "failed" && row.createdRef !== null && row.discardedAt === null,
    createdId,
  };
}

/** DTOs with the app's id of each plan a `configuration.create` made (once a sync brought it in). */
async function toDtos(rows: ActionRow[]): Promise<ActionDto[]> {
  const created = rows.filter((row) => row.type === "configuration.create" && row.createdRef);
  const plans = created.length
    ? await db().backupConfiguration.findMany({
        where: { OR: created.map((row) => ({ connectionId: row.connectionId, vendorId: row.createdRef! })), removedAt: null },
        select: { id: true, connectionId: true, vendorId: true },
      })
    : [];
  const idOf = new Map(plans.map((plan) => [`${plan.connectionId}|${plan.vendorId}`, plan.id]));
  return rows.map((row) => toDto(row, row.type === "configuration.create" && row.createdRef ? (idOf.get(`${row.connectionId}|${row.createdRef}`) ?? null) : null));
}

async function oneDto(row: ActionRow): Promise<ActionDto> {
  return (await toDtos([row]))[0]!;
}

// ---------------------------------------------------------------------------------------------- creating

/** The request as stored: what was asked, without the vault password. */
function storedInput(input: CreateActionInput): Record<string, unknown> {
  if (input.type !== "restore.start") return input;
  const { vaultPassword: _password, ...restore } = input.restore;
  return { ...input, restore: { ...restore, vaultPassword: input.restore.vaultPassword ? "(given, not kept)" : undefined } };
}

function requestHash(input: CreateActionInput): string {
  return createHash("sha256").update(JSON.stringify(storedInput(input))).digest("base64url");
}

const KEY = /^[\x21-\x7e]{8,200}$/;

export function checkIdempotencyKey(value: string | null): string {
  if (!value || !KEY.test(value)) {
    throw new AppError("validation_failed", "Send an Idempotency-Key header: 8 to 200 printable characters, new for each action (a UUID).", [
      { path: "Idempotency-Key", message: "Required: a new value per action." },
    ]);
  }
  return value;
}

/** The app-side checks before calling the vendor: what the app already knows will be refused, said plainly. */
function precheck(input: CreateActionInput, target: Target): void {
  if ((input.type === "backup.stop" || input.type === "restore.stop") && target.status !== "running") {
    throw new AppError("conflict", "This run is not running: there is nothing to stop.");
  }
  if (input.type === "backup.stop" && target.runType === "restore") throw new AppError("conflict", "This run is a restore: stop it as a restore.");
  if (input.type === "restore.stop" && target.runType !== "restore") throw new AppError("conflict", "This run is not a restore.");
  if (input.type === "configuration.delete" && input.confirmName.trim() !== target.name.trim()) {
    throw new AppError("validation_failed", `Type the plan's name, "${target.name}", to delete it.`, [{ path: "confirmName", message: "Does not match the plan's name." }]);
  }
}

export interface CreatedAction {
  action: ActionDto;
  /** False when the Idempotency-Key was seen before: the action it named is returned, nothing was sent. */
  created: boolean;
}

export async function createAction(actor: Actor, user: SessionUser, idempotencyKey: string, input: CreateActionInput): Promise<CreatedAction> {
  const hash = requestHash(input);
  const previous = await db().action.findUnique({ where: { requestedById_idempotencyKey: { requestedById: user.id, idempotencyKey } } });
  if (previous) return replay(previous, hash);

  const target = await loadTarget(ACTION_TARGET_OF[input.type], input.targetId);
  const capability = (await capabilitiesOf(target.kind, target.id)).find((c) => c.action === input.type);
  if (!capability?.available) throw new AppError("conflict", capability?.reason ?? "This vendor cannot do that.", { consoleUrl: capability?.consoleUrl });
  precheck(input, target);

  let row: ActionRow;
  try {
    row = await db().action.create({
      data: {
        idempotencyKey,
        requestHash: hash,
        requestedById: user.id,
        requestedBy: user.email,
        type: input.type,
        targetKind: target.kind,
        targetId: target.id,
        targetLabel: target.label,
        connectionId: target.connection.id,
        vendor: target.connection.vendor,
        customerId: target.customerId,
        input: storedInput(input) as never,
        state: "sending",
      },
    });
  } catch (error) {
    // Another request with the same key got in first (a double click, another instance): that one calls the vendor.
    if (!isUniqueViolation(error)) throw error;
    return replay(await db().action.findUniqueOrThrow({ where: { requestedById_idempotencyKey: { requestedById: user.id, idempotencyKey } } }), hash);
  }
  const done = await execute(row, input, target);
  await recordAudit(actor, {
    action: `action.${input.type}`,
    outcome: done.state === "failed" ? "failure" : "success",
    target: { type: target.kind, id: target.id, label: target.label },
    details: { actionId: done.id, vendor: done.vendor, state: done.state, message: done.message, vendorMessage: done.vendorMessage, input: storedInput(input) },
  });
  return { action: await oneDto(done), created: true };
}

async function replay(row: ActionRow, hash: string): Promise<CreatedAction> {
  if (row.requestHash !== hash) {
    throw new AppError("conflict", "This Idempotency-Key was already used for a different action; send a new key for a new action.");
  }
  return { action: await oneDto(row), created: false };
}

/** The vendor request for an input, with what only the service knows (a prepared restore, the unverified switch). */
async function vendorRequest(input: CreateActionInput, target: Target, row: ActionRow): Promise<{ request: ActionRequest; createdRef?: string }> {
  const unverifiedCalls = target.connection.unverifiedCalls;
  switch (input.type) {
    case "backup.start":
      return { request: { type: input.type, configuration: target.object, unverifiedCalls } };
    case "backup.stop":
      return { request: { type: input.type, run: target.object, unverifiedCalls } };
    case "restore.stop":
      return { request: { type: input.type, run: target.object } };
    case "agent.enable":
    case "agent.disable":
    case "agent.wake":
      return { request: { type: input.type, endpoint: target.object } };
    case "agent.log-level":
      return { request: { type: input.type, endpoint: target.object, level: input.level } };
    case "configuration.enable":
    case "configuration.disable":
    case "configuration.delete":
      return { request: { type: input.type, configuration: target.object } };
    case "configuration.create":
      return { request: { type: input.type, endpoint: target.object, plan: input.plan } };
    case "configuration.update":
      return { request: { type: input.type, configuration: target.object, plan: input.plan } };
    case "restore.start": {
      if ("retryOf" in input.restore) {
        const earlier = await db().action.findUnique({ where: { id: input.restore.retryOf } });
        if (!earlier || earlier.type !== "restore.start" || earlier.targetId !== target.id || !earlier.createdRef || earlier.discardedAt) {
          throw new AppError("conflict", "That restore can no longer be retried; start the restore again from the beginning.");
        }
        return { request: { type: "restore.start", restoreVendorId: earlier.createdRef, vaultPassword: input.restore.vaultPassword }, createdRef: earlier.createdRef };
      }
      const destination = await loadTarget("endpoint", input.restore.destinationEndpointId);
      if (destination.connection.id !== target.connection.id) throw new AppError("validation_failed", "Restore to an agent of the same vendor account.", [{ path: "restore.destinationEndpointId", message: "Another account's agent." }]);
      const adapter = await adapterFor(target.connection);
      if (!adapter.actions.prepareRestore) throw new AppError("conflict", "This vendor cannot restore through its API.");
      const prepared = await adapter.actions.prepareRestore({
        backupVendorId: input.restore.backupVendorId,
        source: { vendorId: target.object.endpointVendorId ?? "", raw: null },
        destination: destination.object,
        destinationPath: input.restore.destinationPath,
        overwrite: input.restore.overwrite,
        include: input.restore.include,
        exclude: input.restore.exclude,
      });
      // Kept before the start is sent: a refused start leaves a restore to retry or to clear.
      await db().action.update({ where: { id: row.id }, data: { createdRef: prepared.restoreVendorId } });
      return { request: { type: "restore.start", restoreVendorId: prepared.restoreVendorId, vaultPassword: input.restore.vaultPassword }, createdRef: prepared.restoreVendorId };
    }
  }
}

/** Calls the vendor once and records what it answered. */
async function execute(row: ActionRow, input: CreateActionInput, target: Target): Promise<ActionRow> {
  try {
    const adapter = await adapterFor(target.connection);
    const { request } = await vendorRequest(input, target, row);
    const result = await adapter.actions.act(request);
    const saved = await recordResult(row, result);
    // A new or changed plan is shown at once: the sync that brings it in is awaited (for a while).
    if (target.kind === "configuration") forgetConfigurationReport(target.id);
    if (input.type === "configuration.create" || input.type === "configuration.update") await refreshNow(target.connection.id);
    else if (!result.started) scheduleSync(target.connection.id, result.settleSeconds);
    if (target.online === false && input.type === "backup.start") {
      return db().action.update({ where: { id: saved.id }, data: { message: `${saved.message} The agent is offline: the backup waits until it comes online (wake it up first).` } });
    }
    return saved;
  } catch (error) {
    return recordFailure(row, error);
  }
}

async function recordResult(row: ActionRow, result: ActionResult): Promise<ActionRow> {
  const finished = !result.started || result.state?.finished === true;
  const settleUntil = result.settleSeconds ? new Date(Date.now() + result.settleSeconds * 1000) : null;
  const updated = await db().action.update({
    where: { id: row.id },
    data: {
      state: finished ? finalState(result.state) : "running",
      message: result.message,
      job: (result.started ?? undefined) as never,
      jobState: (result.state ?? undefined) as never,
      settleUntil,
      ...(result.createdVendorId ? { createdRef: result.createdVendorId } : {}),
      ...(finished ? { finishedAt: new Date() } : {}),
    },
  });
  if (result.started && result.state) return trackRun(updated, result.started, result.state);
  return updated;
}

function finalState(state: FollowedState | undefined): "succeeded" | "failed" {
  if (!state) return "succeeded";
  return isCompleted(state.status) || state.status === "stopped" ? "succeeded" : "failed";
}

async function recordFailure(row: ActionRow, error: unknown): Promise<ActionRow> {
  if (error instanceof VendorError && error.kind === "outcome_unknown") {
    return db().action.update({ where: { id: row.id }, data: { state: "unknown", message: error.message } });
  }
  if (!(error instanceof AppError)) logger.error({ err: error, actionId: row.id }, "an action failed unexpectedly");
  const message = error instanceof AppError ? error.message : "The action failed unexpectedly; the error has been logged.";
  const vendorMessage = error instanceof VendorError ? (error.info.vendorMessage ?? null) : null;
  return db().action.update({ where: { id: row.id }, data: { state: "failed", message, vendorMessage, finishedAt: new Date() } });
}

// ---------------------------------------------------------------------------------------------- the run it made

/**
 * The run an action started, in the app's history at once (as requested), under the vendorId the sync will give
 * it, so that the next sync updates the same row.
 */
async function trackRun(row: ActionRow, job: StartedJob, state: FollowedState): Promise<ActionRow> {
  if (!state.runVendorId) return row;
  const client = db();
  const existing = await client.run.findUnique({ where: { connectionId_vendorId: { connectionId: row.connectionId, vendorId: state.runVendorId } } });
  if (existing) {
    if (existing.status !== state.status) await client.run.update({ where: { id: existing.id }, data: { status: state.status, ...(state.finished && !existing.endedAt ? { endedAt: new Date() } : {}) } });
    return row.runId === existing.id ? row : client.action.update({ where: { id: row.id }, data: { runId: existing.id } });
  }
  if (row.type === "backup.stop" || row.type === "restore.stop") return row;
  const configuration = row.targetKind === "configuration" ? await client.backupConfiguration.findUnique({ where: { id: row.targetId }, select: { id: true, endpointId: true, customerId: true } }) : null;
  if (!configuration) return row;
  const run = await client.run.create({
    data: {
      connectionId: row.connectionId,
      vendor: row.vendor,
      vendorId: state.runVendorId,
      endpointId: configuration.endpointId,
      configurationId: configuration.id,
      customerId: configuration.customerId,
      type: job.kind,
      status: state.status,
      startedAt: new Date(job.requestedAt),
      message: `${ACTION_LABELS[row.type as keyof typeof ACTION_LABELS]} asked for by ${row.requestedBy}: ${state.stateLabel.toLowerCase()}`,
    },
  });
  return client.action.update({ where: { id: row.id }, data: { runId: run.id } });
}

// ---------------------------------------------------------------------------------------------- following

/** Claims the next vendor read for an action: true for one caller every FOLLOW_EVERY_MS, across instances. */
async function claimCheck(row: ActionRow): Promise<boolean> {
  const due = new Date(Date.now() - FOLLOW_EVERY_MS);
  const { count } = await db().action.updateMany({
    where: { id: row.id, state: row.state, OR: [{ checkedAt: null }, { checkedAt: { lt: due } }] },
    data: { checkedAt: new Date() },
  });
  return count === 1;
}

/** The vendor's state of an action that is still open: a started job followed, an unknown outcome reconciled. */
async function refresh(row: ActionRow, signal?: AbortSignal): Promise<ActionRow> {
  if (row.state === "sending" && Date.now() - row.createdAt.getTime() > SENDING_TIMEOUT_MS) {
    row = await db().action.update({ where: { id: row.id }, data: { state: "unknown", message: "The app stopped while sending this action; whether the vendor got it is being checked." } });
  }
  if ((row.state !== "running" && row.state !== "unknown") || !(await claimCheck(row))) return row;
  const connection = await db().connection.findUnique({ where: { id: row.connectionId } });
  if (!connection) return db().action.update({ where: { id: row.id }, data: { state: "failed", message: "The connection was removed.", finishedAt: new Date() } });
  try {
    const adapter = await adapterFor(connection);
    if (row.state === "running") {
      const job = row.job as unknown as StartedJob;
      const state = await adapter.actions.follow(job, signal);
      const finished = state.finished;
      let updated = await db().action.update({
        where: { id: row.id },
        data: { jobState: state as never, ...(finished ? { state: finalState(state), finishedAt: new Date(), message: `${capitalize(job.kind)} ${state.stateLabel.toLowerCase()}.` } : {}) },
      });
      updated = await trackRun(updated, job, state);
      if (finished) scheduleSync(connection.id);
      return updated;
    }
    const input = row.input as CreateActionInput;
    const target = await loadTarget(row.targetKind as Target["kind"], row.targetId).catch(() => null);
    if (!target) return row;
    const request = await reconcileRequest(input, target, row);
    const found = request ? await adapter.actions.reconcile(request, row.createdAt, signal) : null;
    if (!found) {
      return db().action.update({
        where: { id: row.id },
        data: { message: `${VENDOR_INFO[vendorSchema.parse(row.vendor)].shortLabel} does not show whether this happened. Check its console before trying again.` },
      });
    }
    const saved = await recordResult(row, found);
    if (row.type === "configuration.create" || row.type === "configuration.update") scheduleSync(connection.id);
    await recordAudit({ type: "system", label: "system" }, { action: "action.reconciled", outcome: "success", target: { type: row.targetKind, id: row.targetId, label: row.targetLabel }, details: { actionId: row.id, message: found.message } });
    return saved;
  } catch (error) {
    // The vendor could not be read this time: the action stays as it is, the next read tries again.
    if (!(error instanceof AppError)) logger.warn({ err: error, actionId: row.id }, "could not follow an action");
    return row;
  }
}

/** The request of an action whose outcome is unknown, rebuilt from what was stored (never with a password). */
async function reconcileRequest(input: CreateActionInput, target: Target, row: ActionRow): Promise<ActionRequest | null> {
  if (input.type === "restore.start") return row.createdRef ? { type: "restore.start", restoreVendorId: row.createdRef } : null;
  if (input.type === "backup.start") return { type: input.type, configuration: target.object, unverifiedCalls: target.connection.unverifiedCalls };
  if (input.type === "backup.stop") return { type: input.type, run: target.object, unverifiedCalls: target.connection.unverifiedCalls };
  if (input.type === "restore.stop") return { type: input.type, run: target.object };
  if (input.type === "configuration.create") return { type: input.type, endpoint: target.object, plan: input.plan };
  if (input.type === "configuration.update") return { type: input.type, configuration: target.object, plan: input.plan };
  return null;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Syncs the connection now and waits (up to REFRESH_WAIT_MS) until it is done, so the page shows a created or
 * changed plan at once. A sync already running may have read the vendor before the change: another follows it.
 */
async function refreshNow(connectionId: string): Promise<void> {
  const deadline = Date.now() + REFRESH_WAIT_MS;
  try {
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return scheduleSync(connectionId, 5);
      const sync = syncConnection(connectionId, "manual");
      sync.catch((error: unknown) => logger.warn({ err: error, connectionId }, "the sync after a plan change failed"));
      const outcome = await Promise.race([sync, sleep(left).then(() => null)]);
      if (outcome?.status !== "skipped") return; // done, or still going in the background
      await sleep(Math.min(1000, Math.max(0, deadline - Date.now())));
    }
  } catch (error) {
    logger.warn({ err: error, connectionId }, "the sync after a plan change failed");
  }
}

/** After a change at the vendor, the synced model is refreshed (after the vendor's advised wait). */
function scheduleSync(connectionId: string, afterSeconds = 0): void {
  setTimeout(() => {
    void startSyncNow(connectionId).catch((error: unknown) => logger.warn({ err: error, connectionId }, "the sync after an action did not start"));
  }, afterSeconds * 1000).unref();
}

// ---------------------------------------------------------------------------------------------- reading

export async function getAction(id: string, signal?: AbortSignal): Promise<ActionDto> {
  const row = await db().action.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such action.");
  return oneDto(await refresh(row, signal));
}

export async function listActions(query: ActionListQuery): Promise<{ items: ActionDto[]; nextCursor: string | null }> {
  const cursor = query.cursor ? await db().action.findUnique({ where: { id: query.cursor }, select: { createdAt: true, id: true } }) : null;
  const rows = await db().action.findMany({
    where: {
      ...(query.state ? { state: query.state } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
      ...(query.connectionId ? { connectionId: query.connectionId } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { items: await toDtos(page), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

/** A plan's settings as its vendor holds them now, for the edit form. */
export async function backupPlanOf(configurationId: string, signal?: AbortSignal): Promise<{ plan: BackupPlan }> {
  const target = await loadTarget("configuration", configurationId);
  const capability = (await capabilitiesOf("configuration", configurationId)).find((c) => c.action === "configuration.update");
  const adapter = await adapterFor(target.connection);
  if (!capability?.available || !adapter.actions.readPlan) throw new AppError("conflict", capability?.reason ?? "This vendor cannot edit plans through its API.", { consoleUrl: capability?.consoleUrl });
  return { plan: await adapter.actions.readPlan(target.object, signal) };
}

/** Restore points of a plan, newest first, for the restore wizard. */
export async function restorePointsOf(configurationId: string, signal?: AbortSignal): Promise<{ points: { backupVendorId: string; completedAt: string | null; label: string; errorCount: number | null }[]; encrypted: boolean }> {
  const target = await loadTarget("configuration", configurationId);
  const adapter = await adapterFor(target.connection);
  if (!adapter.actions.restorePoints) throw new AppError("conflict", "This vendor cannot restore through its API.");
  const points = await adapter.actions.restorePoints(target.object, signal);
  const configuration = await db().backupConfiguration.findUniqueOrThrow({ where: { id: configurationId }, select: { details: true } });
  const encrypted = (configuration.details as { encrypted?: boolean } | null)?.encrypted === true;
  return { points: points.map((point) => ({ ...point, completedAt: iso(point.completedAt) })), encrypted };
}

// ---------------------------------------------------------------------------------------------- housekeeping

/**
 * Restores prepared at the vendor whose start was refused and never retried are cleared after a while, so that no
 * half-made restore lingers in the vendor account. Runs with the sync scheduler.
 */
export async function discardAbandonedRestores(now = new Date()): Promise<number> {
  const rows = await db().action.findMany({
    where: { type: "restore.start", state: "failed", createdRef: { not: null }, discardedAt: null, createdAt: { lt: new Date(now.getTime() - ABANDONED_RESTORE_MS) } },
  });
  let discarded = 0;
  for (const row of rows) {
    // A retry of the same restore that the vendor started (or may have started) means it was not abandoned.
    const started = await db().action.findFirst({
      where: { type: "restore.start", createdRef: row.createdRef, connectionId: row.connectionId, OR: [{ runId: { not: null } }, { state: { not: "failed" } }] },
    });
    const connection = await db().connection.findUnique({ where: { id: row.connectionId } });
    if (!connection) continue;
    try {
      if (!started) {
        const adapter = await adapterFor(connection);
        await adapter.actions.discardRestore?.(row.createdRef!);
      }
      await db().action.updateMany({ where: { createdRef: row.createdRef, connectionId: row.connectionId, discardedAt: null }, data: { discardedAt: now } });
      discarded++;
    } catch (error) {
      logger.warn({ err: error, actionId: row.id }, "could not clear an abandoned restore; trying again later");
    }
  }
  return discarded;
}

export const STATUS_OF_STATE: Record<ActionDto["state"], Status> = { sending: "running", running: "running", succeeded: "success", failed: "failed", unknown: "unknown" };
