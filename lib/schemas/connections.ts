import { z } from "zod";
import { RACKSPACE_REGIONS, vendorSchema } from "@/lib/vendors/catalog";

const name = z.string().trim().min(1, "Enter a display name.").max(100);
const username = z.string().trim().min(1, "Enter the login.").max(200);
const secret = z.string().min(1, "Enter the secret.").max(500);
const baseUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, message: "Enter a full http:// or https:// URL." }))
  .transform((u) => u.replace(/\/+$/, ""));
const region = z.enum(RACKSPACE_REGIONS, { message: `Choose one of ${RACKSPACE_REGIONS.join(", ")}.` });

/** An empty string in a form means "not set". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const createConnectionInputSchema = z.discriminatedUnion("vendor", [
  z.object({
    vendor: z.literal("msp360"),
    name,
    username,
    secret,
    baseUrl: z.preprocess(blankToUndefined, baseUrl.optional()),
  }),
  z.object({
    vendor: z.literal("rackspace"),
    name,
    username,
    secret,
    baseUrl: z.preprocess(blankToUndefined, baseUrl.optional()),
    region: z.preprocess(blankToUndefined, region.optional()),
  }),
]);
export type CreateConnectionInput = z.infer<typeof createConnectionInputSchema>;

export const updateConnectionInputSchema = z
  .object({
    name,
    username,
    /** Replaces the stored secret; leave out to keep it. */
    secret,
    baseUrl: z.preprocess(blankToNull, baseUrl.nullable()),
    region: z.preprocess(blankToNull, region.nullable()),
    enabled: z.boolean(),
    /** Minutes between scheduled syncs. */
    syncIntervalMinutes: z.coerce.number().int().min(1, "At least 1 minute.").max(1440, "At most a day."),
    /** MSP360: allow plan start/stop through a call that is in no official method list. */
    unverifiedCalls: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");
export type UpdateConnectionInput = z.infer<typeof updateConnectionInputSchema>;

/** What the API returns for a connection: whether a secret is set and when it changed, never the secret. */
export const connectionSchema = z.object({
  id: z.string(),
  vendor: vendorSchema,
  name: z.string(),
  username: z.string(),
  baseUrl: z.string().nullable(),
  effectiveBaseUrl: z.string(),
  region: z.string().nullable(),
  enabled: z.boolean(),
  isDemo: z.boolean(),
  secretSet: z.boolean(),
  secretUpdatedAt: z.string(),
  syncIntervalMinutes: z.number(),
  unverifiedCalls: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastSyncStatus: z.string().nullable(),
  lastSyncError: z.string().nullable(),
  stale: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConnectionDto = z.infer<typeof connectionSchema>;
