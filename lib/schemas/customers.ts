// Customers of every vendor, for filters and the billing page.
import { z } from "zod";
import { vendorSchema } from "@/lib/vendors/catalog";
import { listQuerySchema, pageOf, refSchema } from "./listing";

export type { Page } from "./listing";

export const customerListQuerySchema = listQuerySchema.extend({ pageSize: z.coerce.number().int().min(1).max(1000).default(200) });
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const customerSchema = z.object({
  id: z.string(),
  vendor: vendorSchema,
  vendorId: z.string(),
  name: z.string(),
  kind: z.string(),
  endpointCount: z.number().int(),
  connection: refSchema,
});
export type CustomerDto = z.infer<typeof customerSchema>;

export const customerPageSchema = pageOf(customerSchema);
