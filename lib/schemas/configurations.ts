// Backup configurations (MSP360 plans, Rackspace backup configurations) as the API gives them.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";
import { statusSchema } from "@/lib/vendors/status";
import { isoDate, listQuerySchema, noSuccessForSchema, pageOf, refSchema } from "./listing";
import { reportFieldSchema, runSchema } from "./runs";

export const configurationListQuerySchema = listQuerySchema.extend({
  noSuccessFor: noSuccessForSchema,
  endpointId: z.string().max(100).optional(),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  sort: z.enum(["name", "status", "lastRunAt", "lastSuccessAt", "nextRunAt"]).default("name"),
});
export type ConfigurationListQuery = z.infer<typeof configurationListQuerySchema>;

export const scheduleSchema = z.object({ kind: z.string(), description: z.string(), expectedIntervalMinutes: z.number().nullable() });

export const configurationSchema = z.object({
  id: z.string(),
  vendor: vendorSchema,
  vendorId: z.string(),
  name: z.string(),
  type: z.string(),
  enabled: z.boolean(),
  schedule: scheduleSchema,
  lastStatus: statusSchema,
  status: statusSchema,
  missedSince: isoDate,
  lastRunAt: isoDate,
  lastSuccessAt: isoDate,
  nextRunAt: isoDate,
  removed: z.boolean(),
  endpoint: refSchema,
  customerId: z.string().nullable(),
});
export type ConfigurationDto = z.infer<typeof configurationSchema>;

export const configurationPageSchema = pageOf(configurationSchema.extend({ connection: refSchema }));
export type ConfigurationPageDto = z.infer<typeof configurationPageSchema>;

export const configurationDetailsSchema = z.object({
  inclusions: z.array(z.string()).optional(),
  exclusions: z.array(z.string()).optional(),
  retention: z.string().nullable().optional(),
  notifications: z.string().nullable().optional(),
  encrypted: z.boolean().nullable().optional(),
  destination: z.string().nullable().optional(),
});

export const configurationDetailSchema = configurationSchema.extend({
  connection: refSchema,
  details: configurationDetailsSchema.nullable(),
  raw: z.unknown(),
  runs: z.array(runSchema),
});
export type ConfigurationDetailDto = z.infer<typeof configurationDetailSchema>;

/** The vendor's own description of a configuration, read when someone opens it. */
export const configurationReportSchema = z.object({
  /** Null: the vendor no longer knows the configuration. */
  report: z
    .object({
      schedule: scheduleSchema,
      enabled: z.boolean(),
      details: configurationDetailsSchema,
      fields: z.array(reportFieldSchema),
    })
    .nullable(),
  readAt: z.string(),
});
export type ConfigurationReportDto = z.infer<typeof configurationReportSchema>;
