// The MSP's customers: each groups the vendor customers (MSP360 companies, Rackspace accounts) an admin linked to
// it. Every page, filter, count and bill groups by these.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";
import { listQuerySchema, pageOf, refSchema } from "./listing";

export type { Page } from "./listing";

export const customerListQuerySchema = listQuerySchema
  .pick({ vendor: true, connectionId: true, q: true, page: true, order: true })
  .extend({ pageSize: z.coerce.number().int().min(1).max(1000).default(200) });
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

/** A vendor's customer (MSP360 company or user without one, Rackspace account) as linked to a customer. */
export const vendorCustomerSchema = z.object({
  id: z.string(),
  vendor: vendorSchema,
  name: z.string(),
  /** "company" | "user" (MSP360) | "account" (Rackspace) */
  kind: z.string(),
  connection: refSchema,
  endpointCount: z.number().int(),
  /** The vendor no longer lists it (kept for history). */
  removed: z.boolean(),
});
export type VendorCustomerDto = z.infer<typeof vendorCustomerSchema>;

export const DEFAULT_OVERDUE_WINDOW_HOURS = 48;

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Hours without a successful backup before a plan is overdue; null: the app default (48). */
  overdueWindowHours: z.number().int().nullable(),
  /** Current endpoints over every linked vendor customer. */
  endpointCount: z.number().int(),
  /** The vendors it has vendor customers at. */
  vendors: z.array(vendorSchema),
  vendorCustomers: z.array(vendorCustomerSchema),
});
export type CustomerDto = z.infer<typeof customerSchema>;

export const customerPageSchema = pageOf(customerSchema);

export const updateCustomerInputSchema = z
  .object({
    name: z.string().trim().min(1, "Give the customer a name.").max(200).optional(),
    overdueWindowHours: z.number().int().min(1).max(24 * 90).nullable().optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.overdueWindowHours !== undefined, "Nothing to change.");
export type UpdateCustomerInput = z.infer<typeof updateCustomerInputSchema>;

export const linkCustomersInputSchema = z.object({ vendorCustomerIds: z.array(z.string().min(1).max(100)).min(1).max(100) }).strict();
export type LinkCustomersInput = z.infer<typeof linkCustomersInputSchema>;

export const unlinkParams = z.object({ id: z.string().min(1).max(100), vendorCustomerId: z.string().min(1).max(100) });

/** Two customers whose names look alike: accepting links `merge`'s vendor customers into `into`. */
export const customerSuggestionSchema = z.object({
  into: z.object({ id: z.string(), name: z.string(), vendors: z.array(vendorSchema), endpointCount: z.number().int() }),
  merge: z.object({ id: z.string(), name: z.string(), vendors: z.array(vendorSchema), endpointCount: z.number().int() }),
  /** The vendor customer ids to send to the link call. */
  vendorCustomerIds: z.array(z.string()),
  /** 0..1: how alike the names are once case, punctuation and legal forms are set aside. */
  similarity: z.number(),
});
export type CustomerSuggestionDto = z.infer<typeof customerSuggestionSchema>;

/** Dismiss a suggestion: the two customers it named are not one; it is not suggested again. */
export const dismissSuggestionInputSchema = z.object({ customerIds: z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)]) }).strict();
export type DismissSuggestionInput = z.infer<typeof dismissSuggestionInputSchema>;

export const dismissedSuggestionSchema = z.object({
  id: z.string(),
  /** The two customers, with the vendors of their current vendor customers (their names are alike). */
  customers: z.array(z.object({ id: z.string(), name: z.string(), vendors: z.array(vendorSchema) })),
  dismissedBy: z.string(),
  dismissedAt: z.iso.datetime(),
});
export type DismissedSuggestionDto = z.infer<typeof dismissedSuggestionSchema>;
