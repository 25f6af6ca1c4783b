// Bulk actions of a customer: which plans or agents one click would act on, and whether their vendor can; then a
// bulk run on the server that sends each confirmed target as its own action (its own Idempotency-Key, derived from
// the run and the target, and its own audit record), a few at a time. The browser only watches: closing it stops
// nothing, and a run left behind by a stopped instance is resumed without sending any target twice.
import "server-only";
import pLimit from "p-limit";
import type { Actor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session";
import { db, isUniqueViolation } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { BULK_LIMIT, type BulkRunDto, type BulkTargetsDto, type CreateBulkRunInput } from "@/lib/schemas/bulk-actions";
import type { CapabilityDto } from "@/lib/schemas/actions";
import { hasRole, roleSchema } from "@/lib/schemas/roles";
import { capabilitiesOf, createAction } from "./actions";
import { recordAudit } from "./audit";
import { asVendor, iso } from "./listing";
import { customerWhere, resolveCustomer } from "./customer-groups";

/** How many actions of one run are in flight at once: quick enough, and kind to the vendors' rate limits. */
export const BULK_CONCURRENCY = 3;
/** A running bulk run nobody has worked on for this long lost its instance: another one takes it up. */
const ABANDONED_AFTER_MS = 2 * 60_000;

export async function bulkTargets(customerId: string, type: BulkTargetsDto["type"]): Promise<BulkTargetsDto> {
  const client = db();
  // A customer of the MSP: its plans and agents at every vendor.
  const customer = await resolveCustomer(customerId);
  if (!customer) throw new AppError("not_found", "No such customer.");
  const ofCustomer = await customerWhere(customer.id);

  const rows =
    type === "backup.start"
      ? (
          await client.backupConfiguration.findMany({
            where: { ...ofCustomer, removedAt: null, status: "failed" },
            select: { id: true, name: true, vendor: true, connectionId: true, endpoint: { select: { name: true, online: true } } },
            orderBy: [{ name: "asc" }, { id: "asc" }],
            take: BULK_LIMIT + 1,
          })
        ).map((c) => ({
          id: c.id,
          kind: "configuration" as const,
          label: `${c.name} on ${c.endpoint.name}`,
          vendor: c.vendor,
          connectionId: c.connectionId,
          note: c.endpoint.online ? null : "The agent is offline: the backup waits until it comes online.",
        }))
      : (
          await client.endpoint.findMany({
            where: { ...ofCustomer, removedAt: null, status: "offline" },
            select: { id: true, name: true, vendor: true, connectionId: true },
            orderBy: [{ name: "asc" }, { id: "asc" }],
            take: BULK_LIMIT + 1,
          })
        ).map((e) => ({ id: e.id, kind: "endpoint" as const, label: e.name, vendor: e.vendor, connectionId: e.connectionId, note: null }));

  // What a vendor can do depends on its connection only: asked once per connection.
  const byConnection = new Map<string, Promise<CapabilityDto | undefined>>();
  const capabilityOf = (row: (typeof rows)[number]) => {
    let pending = byConnection.get(row.connectionId);
    if (!pending) {
      pending = capabilitiesOf(row.kind, row.id).then((all) => all.find((c) => c.action === type));
      byConnection.set(row.connectionId, pending);
    }
    return pending;
  };
  const listed = rows.slice(0, BULK_LIMIT);
  const targets = await Promise.all(
    listed.map(async (row) => {
      const capability = await capabilityOf(row);
      return {
        id: row.id,
        kind: row.kind,
        label: row.label,
        vendor: asVendor(row.vendor),
        available: capability?.available ?? false,
        reason: capability?.available ? null : (capability?.reason ?? "This vendor cannot do that."),
        note: row.note,
      };
    }),
  );
  return { customer: { id: customer.id, name: customer.name }, type, targets, truncated: rows.length > BULK_LIMIT };
}

// ---------------------------------------------------------------------------------------------- bulk runs

type BulkRunRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["bulkRun"]["findUnique"]>>>;
interface BulkTarget {
  id: string;
  label: string;
}

/** The Idempotency-Key of one target's action: the same whoever sends it, so a resumed run finds what was sent. */
const targetKey = (runId: string, targetId: string) => `bulk:${runId}:${targetId}`;

/**
 * Starts a bulk run on the confirmed targets that are still what the preview said (a plan that stopped failing
 * meanwhile is left out), and returns at once; the same Idempotency-Key again returns the same run.
 */
export async function createBulkRun(actor: Actor, user: SessionUser, idempotencyKey: string, input: CreateBulkRunInput): Promise<{ run: BulkRunDto; created: boolean }> {
  const client = db();
  const previous = await client.bulkRun.findUnique({ where: { requestedById_idempotencyKey: { requestedById: user.id, idempotencyKey } } });
  if (previous) return { run: await bulkRunDto(previous), created: false };

  const preview = await bulkTargets(input.customerId, input.type);
  const confirmed = new Set(input.targetIds);
  const targets: BulkTarget[] = preview.targets.filter((t) => t.available && confirmed.has(t.id)).map((t) => ({ id: t.id, label: t.label }));
  if (!targets.length) throw new AppError("conflict", "None of these can be sent any more: list the targets again.");

  let row: BulkRunRow;
  try {
    row = await client.bulkRun.create({
      data: {
        idempotencyKey,
        requestedById: user.id,
        requestedBy: user.email,
        type: input.type,
        customerId: preview.customer.id,
        customerLabel: preview.customer.name,
        targets: targets as never,
        actor: actor as never,
        state: "running",
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await client.bulkRun.findUniqueOrThrow({ where: { requestedById_idempotencyKey: { requestedById: user.id, idempotencyKey } } });
    return { run: await bulkRunDto(winner), created: false };
  }
  await recordAudit(actor, {
    action: `bulk.${input.type}`,
    outcome: "success",
    target: { type: "customer", id: preview.customer.id, label: preview.customer.name },
    details: { bulkRunId: row.id, targets: targets.length, leftOut: input.targetIds.length - targets.length },
  });
  void processBulkRun(row.id).catch((error: unknown) => logger.error({ err: error, bulkRunId: row.id }, "a bulk run stopped; housekeeping resumes it"));
  return { run: await bulkRunDto(row), created: true };
}

/** The person who asked, as they are now: a disabled user or one who lost the technician role sends nothing more. */
async function requester(row: BulkRunRow): Promise<SessionUser | null> {
  const user = await db().user.findUnique({ where: { id: row.requestedById } });
  if (!user || user.disabled) return null;
  const role = roleSchema.parse(user.role);
  return hasRole(role, "technician") ? { id: user.id, email: user.email, name: user.name, role, timeZone: user.timeZone ?? null } : null;
}

/** Sends every target of a run that has not been sent yet; safe to call twice (each target has its fixed key). */
export async function processBulkRun(id: string): Promise<void> {
  const client = db();
  const row = await client.bulkRun.findUnique({ where: { id } });
  if (!row || row.state !== "running") return;
  const targets = row.targets as unknown as BulkTarget[];
  const refusals: Record<string, string> = { ...((row.refusals as Record<string, string> | null) ?? {}) };
  const user = await requester(row);
  const actor = row.actor as unknown as Actor;
  const heartbeat = () => client.bulkRun.update({ where: { id }, data: { heartbeatAt: new Date(), refusals: refusals as never } });

  const limit = pLimit(BULK_CONCURRENCY);
  await Promise.all(
    targets.map((target) =>
      limit(async () => {
        if (refusals[target.id]) return;
        if (!user) {
          refusals[target.id] = "Not sent: the person who asked can no longer act.";
          return;
        }
        try {
          // An action already made with this key (an earlier attempt of this run) is returned, not sent again.
          await createAction(actor, user, targetKey(id, target.id), { type: row.type as CreateBulkRunInput["type"], targetId: target.id });
        } catch (error) {
          refusals[target.id] = error instanceof AppError ? error.message : "Not sent: the app could not ask the vendor.";
          if (!(error instanceof AppError)) logger.error({ err: error, bulkRunId: id, targetId: target.id }, "a bulk action could not be sent");
        }
        await heartbeat();
      }),
    ),
  );
  await client.bulkRun.update({ where: { id }, data: { state: "done", finishedAt: new Date(), heartbeatAt: new Date(), refusals: refusals as never } });
}

/** Resumes the bulk runs an instance left behind (stopped, killed) mid-way: part of the housekeeping. */
export async function resumeAbandonedBulkRuns(now = new Date()): Promise<number> {
  const abandoned = await db().bulkRun.findMany({ where: { state: "running", heartbeatAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } }, select: { id: true } });
  for (const { id } of abandoned) {
    // Claimed by moving the heartbeat: another instance's housekeeping then leaves it alone.
    const claimed = await db().bulkRun.updateMany({ where: { id, state: "running", heartbeatAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } }, data: { heartbeatAt: now } });
    if (claimed.count) await processBulkRun(id);
  }
  return abandoned.length;
}

async function bulkRunDto(row: BulkRunRow): Promise<BulkRunDto> {
  const targets = row.targets as unknown as BulkTarget[];
  const refusals = (row.refusals as Record<string, string> | null) ?? {};
  const actions = await db().action.findMany({
    where: { requestedById: row.requestedById, idempotencyKey: { in: targets.map((t) => targetKey(row.id, t.id)) } },
    select: { id: true, targetId: true, state: true, message: true },
  });
  const byTarget = new Map(actions.map((a) => [a.targetId, a]));
  return {
    id: row.id,
    type: row.type as BulkRunDto["type"],
    customer: { id: row.customerId, name: row.customerLabel },
    state: row.state === "done" ? "done" : "running",
    requestedBy: row.requestedBy,
    createdAt: iso(row.createdAt)!,
    finishedAt: iso(row.finishedAt),
    items: targets.map((target) => {
      const action = byTarget.get(target.id);
      if (action) return { id: target.id, label: target.label, state: action.state as BulkRunDto["items"][number]["state"], message: action.message, actionId: action.id };
      const refusal = refusals[target.id];
      return { id: target.id, label: target.label, state: refusal ? "refused" : "waiting", message: refusal ?? null, actionId: null };
    }),
  };
}

export async function getBulkRun(id: string): Promise<BulkRunDto> {
  const row = await db().bulkRun.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such bulk run.");
  return bulkRunDto(row);
}
