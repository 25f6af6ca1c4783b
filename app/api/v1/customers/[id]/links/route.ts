import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { linkVendorCustomers } from "@/lib/services/customers";

// POST /api/v1/customers/{id}/links – link vendor customers to this customer
export const POST = apiRoute(API.linkCustomers, ({ actor, params, body }) => linkVendorCustomers(actor, params.id, body));
