// Runs (backups, restores, cleanups), the success grid, and a vendor's report of one run.
import { z } from "zod";
import { isValidTimeZone } from "@/lib/time-zone";
import { vendorSchema } from "@/lib/vendors/catalog";
import { RUN_TYPES, statusSchema } from "@/lib/vendors/status";
import { dateRangeSchema, isoDate, listQuerySchema, pageOf, refSchema } from "./listing";

export const runListQuerySchema = listQuerySchema.extend({
  ...dateRangeSchema.shape,
  endpointId: z.string().max(100).optional(),
  configurationId: z.string().max(100).optional(),
  type: z.enum(RUN_TYPES).optional(),
  sort: z.enum(["startedAt", "status", "bytes", "durationSeconds"]).default("startedAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type RunListQuery = z.infer<typeof runListQuerySchema>;

export const runSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  vendor: vendorSchema,
  vendorId: z.string(),
  type: z.enum(RUN_TYPES),
  status: statusSchema,
  startedAt: z.string(),
  endedAt: isoDate,
  durationSeconds: z.number().nullable(),
  bytes: z.number().nullable(),
  filesProcessed: z.number().nullable(),
  filesFailed: z.number().nullable(),
  errorCount: z.number().nullable(),
  message: z.string().nullable(),
  customerId: z.string().nullable(),
  endpoint: refSchema,
  configuration: refSchema.nullable(),
});
export type RunDto = z.infer<typeof runSchema>;

export const runPageSchema = pageOf(runSchema);
export type RunPageDto = z.infer<typeof runPageSchema>;

export const runDetailSchema = runSchema.extend({ connection: refSchema, raw: z.unknown() });
export type RunDetailDto = z.infer<typeof runDetailSchema>;

/** A valid IANA time zone name ("Europe/Berlin"). */
export const timeZoneSchema = z.string().max(64).refine(isValidTimeZone, "Not a known time zone (use an IANA name such as Europe/Berlin)");

export const runGridQuerySchema = listQuerySchema.extend({
  /** Number of days up to and including `to` (default today). */
  days: z.coerce.number().int().min(1).max(90).default(14),
  /** The last day shown, in `timeZone` (default: today there). */
  to: z.iso.date().optional(),
  /** The zone whose calendar days the columns are (default: the user's, else UTC). */
  timeZone: timeZoneSchema.optional(),
  /** One row per plan (default) or per agent (its plans' worst per day). */
  by: z.enum(["plan", "agent"]).default("plan"),
  /** worst: most in need of attention first (default); name: alphabetical (`order`). */
  sort: z.enum(["worst", "name"]).default("worst"),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type RunGridQuery = z.infer<typeof runGridQuerySchema>;

/**
 * What one day of a plan says: a backup result (its worst run), "missed" (a run was due and did not start),
 * "running", "not-scheduled" (nothing due, nothing ran, or not due yet), "not-monitored" (before the app first
 * saw the plan, with nothing in the history).
 */
export const GRID_CELL_STATUSES = ["success", "warning", "failed", "missed", "running", "not-scheduled", "not-monitored"] as const;
export const gridCellStatusSchema = z.enum(GRID_CELL_STATUSES);
export type GridCellStatus = z.infer<typeof gridCellStatusSchema>;

export const gridCellSchema = z.object({
  status: gridCellStatusSchema,
  /** Backup runs that started that day, by result. */
  runs: z.number().int(),
  succeeded: z.number().int(),
  warnings: z.number().int(),
  failed: z.number().int(),
  /** Runs the schedule had due that day (past their grace) and that did not start. */
  missed: z.number().int(),
  /** Runs the schedule has due that day (all of them, past or not). */
  expected: z.number().int(),
});
export type GridCell = z.infer<typeof gridCellSchema>;

export const runGridSchema = z.object({
  days: z.array(z.string()),
  timeZone: z.string(),
  by: z.enum(["plan", "agent"]),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(
    z.object({
      /** The plan's id (by plan) or the agent's (by agent). */
      id: z.string(),
      name: z.string(),
      status: statusSchema,
      vendor: vendorSchema,
      connectionId: z.string(),
      /** by plan: the plan's schedule in words. */
      schedule: z.string().nullable(),
      endpoint: refSchema,
      customer: refSchema.nullable(),
      cells: z.array(gridCellSchema),
    }),
  ),
});
export type RunGridDto = z.infer<typeof runGridSchema>;

/** One line of a vendor's report, in words. */
export const reportFieldSchema = z.object({ label: z.string(), value: z.string() });

/** A vendor's own report of one run, read when someone opens the run. */
export const runReportSchema = z.object({
  /** Null: the vendor keeps no report for such a run. */
  report: z
    .object({
      status: statusSchema,
      stateLabel: z.string(),
      startedAt: isoDate,
      endedAt: isoDate,
      durationSeconds: z.number().nullable(),
      filesProcessed: z.number().nullable(),
      bytes: z.number().nullable(),
      errorCount: z.number().nullable(),
      reason: z.string().nullable(),
      fields: z.array(reportFieldSchema),
      errors: z.array(z.object({ path: z.string().nullable(), message: z.string() })),
    })
    .nullable(),
  readAt: z.string(),
});
export type RunReportDto = z.infer<typeof runReportSchema>;
