// Runs (backups, restores, cleanups), the success grid, and a vendor's report of one run.
import { z } from "zod";
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

export const runGridQuerySchema = listQuerySchema.extend({
  /** Number of days up to and including `to` (default today). */
  days: z.coerce.number().int().min(1).max(90).default(14),
  to: z.iso.date().optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type RunGridQuery = z.infer<typeof runGridQuerySchema>;

export const runGridSchema = z.object({
  days: z.array(z.string()),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(
    z.object({
      endpoint: z.object({ id: z.string(), name: z.string(), vendor: vendorSchema, status: statusSchema, connectionId: z.string() }),
      customer: refSchema.nullable(),
      cells: z.array(z.object({ status: statusSchema, runs: z.number().int() }).nullable()),
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
