// Actions as the API takes and gives them: start and stop backups, restores, agent and plan switches.
import { z } from "zod";
import { backupPlanSchema } from "@/lib/vendors/backup-plan";
import { vendorSchema } from "@/lib/vendors/catalog";
import { ACTION_TYPES, LOG_LEVELS, type ActionType } from "@/lib/vendors/contract";
import { statusSchema } from "@/lib/vendors/status";
import { isoDate } from "./listing";

export const actionTypeSchema = z.enum(ACTION_TYPES);

/** What people read for each action. */
export const ACTION_LABELS: Record<ActionType, string> = {
  "backup.start": "Start backup",
  "backup.stop": "Stop backup",
  "restore.start": "Restore",
  "restore.stop": "Stop restore",
  "agent.enable": "Enable agent",
  "agent.disable": "Disable agent",
  "agent.wake": "Wake up agents",
  "agent.log-level": "Change logging level",
  "configuration.enable": "Enable plan",
  "configuration.disable": "Disable plan",
  "configuration.delete": "Delete plan",
  "configuration.create": "New backup plan",
  "configuration.update": "Edit plan",
};

const targetId = z.string().min(1).max(100);
const path = z.string().trim().min(1, "Enter a path.").max(1000).refine((p) => !p.includes("\0"), "A path has no NUL character.");

/** The restore wizard's choices. The vault password is used for one call and never kept or logged. */
export const restoreChoiceSchema = z.object({
  backupVendorId: z.string().min(1).max(100),
  destinationEndpointId: z.string().min(1).max(100),
  destinationPath: path,
  overwrite: z.boolean().default(false),
  include: z.array(path).max(200).default([]),
  exclude: z.array(path).max(200).default([]),
  vaultPassword: z.string().min(1).max(500).optional(),
});

/** A retry of a restore whose start was refused (a wrong vault password): the prepared restore is reused. */
export const restoreRetrySchema = z.object({ retryOf: z.string().min(1).max(100), vaultPassword: z.string().min(1).max(500).optional() });

export const createActionInputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("backup.start"), targetId }),
  z.object({ type: z.literal("backup.stop"), targetId }),
  z.object({ type: z.literal("restore.start"), targetId, restore: z.union([restoreRetrySchema, restoreChoiceSchema]) }),
  z.object({ type: z.literal("restore.stop"), targetId }),
  z.object({ type: z.enum(["agent.enable", "agent.disable", "agent.wake"]), targetId }),
  z.object({ type: z.literal("agent.log-level"), targetId, level: z.enum(LOG_LEVELS) }),
  z.object({ type: z.enum(["configuration.enable", "configuration.disable"]), targetId }),
  /** The plan's name as the user typed it to confirm: a deletion is never one click away. */
  z.object({ type: z.literal("configuration.delete"), targetId, confirmName: z.string({ error: "Type the plan's name to confirm." }).max(500) }),
  /** A new plan on the agent `targetId`; the same schema checks it in the form (lib/vendors/backup-plan.ts). */
  z.object({ type: z.literal("configuration.create"), targetId, plan: backupPlanSchema }),
  z.object({ type: z.literal("configuration.update"), targetId, plan: backupPlanSchema }),
]);
export type CreateActionInput = z.infer<typeof createActionInputSchema>;

export const ACTION_STATES = ["sending", "running", "succeeded", "failed", "unknown"] as const;

export const actionSchema = z.object({
  id: z.string(),
  type: actionTypeSchema,
  state: z.enum(ACTION_STATES),
  message: z.string().nullable(),
  vendorMessage: z.string().nullable(),
  target: z.object({ kind: z.enum(["configuration", "endpoint", "run"]), id: z.string(), label: z.string() }),
  vendor: vendorSchema,
  connectionId: z.string(),
  requestedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: isoDate,
  /** The backup or restore it started, as the vendor reports it now. */
  job: z.object({ kind: z.enum(["backup", "restore"]), status: statusSchema, stateLabel: z.string(), finished: z.boolean() }).nullable(),
  /** The run in the app's history, once there is one. */
  runId: z.string().nullable(),
  /** The vendor advised waiting until then before the effect shows. */
  settleUntil: isoDate,
  /** A restore refused at its start (a wrong vault password) may be tried again with another password. */
  retryable: z.boolean(),
  /** The plan a `configuration.create` made, once the app has it (its page). */
  createdId: z.string().nullable(),
});
export type ActionDto = z.infer<typeof actionSchema>;

export const actionListQuerySchema = z.object({
  state: z.enum(ACTION_STATES).optional(),
  type: actionTypeSchema.optional(),
  targetId: z.string().max(100).optional(),
  connectionId: z.string().max(100).optional(),
  /** The id of the last action of the previous page; actions come newest first. */
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;

export const actionPageSchema = z.object({ items: z.array(actionSchema), nextCursor: z.string().nullable() });

export const capabilitiesQuerySchema = z.object({ kind: z.enum(["configuration", "endpoint", "run"]), id: targetId });

export const capabilitySchema = z.object({
  action: actionTypeSchema,
  available: z.boolean(),
  unverified: z.boolean(),
  /** Why not, in words, when it is not available. */
  reason: z.string().nullable(),
  /** Where to do it instead: the vendor's own console. */
  consoleUrl: z.string().nullable(),
});
export const capabilitiesSchema = z.object({ capabilities: z.array(capabilitySchema) });
export type CapabilityDto = z.infer<typeof capabilitySchema>;

/** A plan's settings as its vendor holds them now, for the edit form. */
export const backupPlanReadSchema = z.object({ plan: backupPlanSchema });

export const restorePointsSchema = z.object({
  points: z.array(z.object({ backupVendorId: z.string(), completedAt: isoDate, label: z.string(), errorCount: z.number().nullable() })),
  /** Whether the source's vault is encrypted: the wizard then asks for its password. */
  encrypted: z.boolean(),
});
