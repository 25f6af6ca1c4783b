// What the wall display (`/wall/{token}`) reads: one answer with everything its pages show, within the scope of
// its display link.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";
import { isoDate, refSchema } from "./listing";
import { attentionItemSchema } from "./monitoring";
import { plannedItemSchema } from "./maintenance";
import { wallPageSchema } from "./display-links";

/** The header that carries a display link's token to the wall's data route (never a query string: logs). */
export const DISPLAY_TOKEN_HEADER = "authorization";

const problemCounts = { overdue: z.number().int(), failed: z.number().int(), missed: z.number().int(), warning: z.number().int(), offline: z.number().int() };

export const wallSchema = z.object({
  link: z.object({
    name: z.string(),
    pages: z.array(wallPageSchema),
    rotateSeconds: z.number().int(),
    refreshSeconds: z.number().int(),
    /** "All customers" or "3 customers". */
    scope: z.string(),
  }),
  generatedAt: z.string(),
  /** The oldest last good sync of the connections shown: the figures are as of then at the latest. */
  dataAsOf: isoDate,
  /** Connections whose data is stale, with why. */
  staleConnections: z.array(z.object({ name: z.string(), vendor: vendorSchema, lastSyncSuccessAt: isoDate, reason: z.string().nullable() })),
  counts: z.object({ ...problemCounts, staleConnections: z.number().int(), planned: z.number().int(), customers: z.number().int(), endpoints: z.number().int() }),
  items: z.array(attentionItemSchema),
  totalItems: z.number().int(),
  customers: z.array(z.object({ customer: refSchema, endpoints: z.number().int(), ...problemCounts, planned: z.boolean() })),
  running: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      plan: z.string().nullable(),
      endpoint: z.string(),
      customer: z.string().nullable(),
      vendor: vendorSchema,
      startedAt: z.string(),
    }),
  ),
  runningTotal: z.number().int(),
  storage: z.array(z.object({ customer: refSchema, bytes: z.number(), endpoints: z.number().int() })),
  storageTotal: z.number(),
  planned: z.array(plannedItemSchema),
});
export type WallDto = z.infer<typeof wallSchema>;
