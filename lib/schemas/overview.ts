// The overview page's figures: agents by status, success rates over three windows, the customers to look at
// first, and storage growth. Computed on the server in a handful of grouped queries.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";
import { statusSchema } from "@/lib/vendors/status";
import { refSchema } from "./listing";

/** The choices of the lists' "no successful backup for more than" filter. */
export const NO_SUCCESS_HOURS = [24, 48, 72] as const;

export const SUCCESS_WINDOWS = ["24h", "7d", "30d"] as const;
export const SUCCESS_WINDOW_HOURS: Record<(typeof SUCCESS_WINDOWS)[number], number> = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 };

const successRateSchema = z.object({
  window: z.enum(SUCCESS_WINDOWS),
  /** Finished backup runs that started in the window (running ones are left out). */
  finished: z.number().int(),
  /** Of those, the ones that made a restore point (success or warning). */
  completed: z.number().int(),
  /** completed / finished, 0–1; null without a finished run. */
  rate: z.number().nullable(),
  /** The same rate over the window just before, for the trend; null without a finished run then. */
  previousRate: z.number().nullable(),
  /** Finished backup runs in the window before (a trend over a handful of runs says nothing). */
  previousFinished: z.number().int(),
});

export const overviewSchema = z.object({
  agents: z.object({
    total: z.number().int(),
    /** Every status that has agents, plus the usual ones at 0: the counts add up to total. */
    byStatus: z.array(z.object({ status: statusSchema, count: z.number().int() })),
  }),
  successRates: z.array(successRateSchema),
  /**
   * When the app began watching (its first agent's first sight, ISO); null before any. The rates count runs from
   * then on: the vendors' history read back at the first sync lists only backups that completed.
   */
  watchedSince: z.string().nullable(),
  /** Customers with failed, missed or overdue plans, worst first. */
  customers: z.array(z.object({ customer: refSchema, failed: z.number().int(), missed: z.number().int(), overdue: z.number().int() })),
  /** Customers with something to look at in all (the list above stops at the first few). */
  customersNeedingAttention: z.number().int(),
  overdueAfterHours: z.number().int(),
  storage: z.object({
    /** The newest month with usage, "YYYY-MM"; null when no vendor reported usage yet. */
    period: z.string().nullable(),
    bytes: z.number(),
    previousPeriod: z.string().nullable(),
    previousBytes: z.number().nullable(),
    byVendor: z.array(z.object({ vendor: vendorSchema, bytes: z.number(), previousBytes: z.number().nullable() })),
    /** Total storage per month, oldest first, for the growth line. */
    months: z.array(z.object({ period: z.string(), bytes: z.number() })),
  }),
  generatedAt: z.string(),
});
export type OverviewDto = z.infer<typeof overviewSchema>;
