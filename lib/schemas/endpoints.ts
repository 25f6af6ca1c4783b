// Endpoints (MSP360 computers, Rackspace agents) as the API gives them.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";
import { statusSchema } from "@/lib/vendors/status";
import { configurationSchema } from "./configurations";
import { connectionHealthSchema, isoDate, listQuerySchema, noSuccessForSchema, pageOf, refSchema } from "./listing";
import { runSchema } from "./runs";

export const endpointListQuerySchema = listQuerySchema.extend({
  noSuccessFor: noSuccessForSchema,
  sort: z.enum(["name", "status", "lastSuccessAt", "storageBytes", "os", "agentVersion"]).default("name"),
});
export type EndpointListQuery = z.infer<typeof endpointListQuerySchema>;

export const endpointSchema = z.object({
  id: z.string(),
  vendor: vendorSchema,
  vendorId: z.string(),
  name: z.string(),
  hostname: z.string().nullable(),
  os: z.string().nullable(),
  osVersion: z.string().nullable(),
  agentVersion: z.string().nullable(),
  status: statusSchema,
  online: z.boolean(),
  enabled: z.boolean(),
  lastSeenAt: isoDate,
  lastSuccessAt: isoDate,
  lastRunAt: isoDate,
  storageBytes: z.number().nullable(),
  region: z.string().nullable(),
  removed: z.boolean(),
  customer: refSchema.nullable(),
  connection: refSchema.extend(connectionHealthSchema.shape),
});
export type EndpointDto = z.infer<typeof endpointSchema>;

export const endpointPageSchema = pageOf(endpointSchema);
export type EndpointPageDto = z.infer<typeof endpointPageSchema>;

export const endpointDetailSchema = endpointSchema.extend({
  /** The vendor's own record, as it sent it. */
  raw: z.unknown(),
  configurations: z.array(configurationSchema),
  runs: z.array(runSchema),
});
export type EndpointDetailDto = z.infer<typeof endpointDetailSchema>;
