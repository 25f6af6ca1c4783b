import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { usageTrend } from "@/lib/services/usage";
import { vendorSchema } from "@/lib/vendors/catalog";

const query = z.object({ vendor: vendorSchema.optional(), customerId: z.string().max(100).optional(), months: z.coerce.number().int().min(1).max(36).default(12) });

// GET /api/v1/usage/trend – storage per month and vendor (storage growth)
export const GET = apiRoute({ role: "viewer", query }, ({ query }) => usageTrend(query));
