import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { getCustomer, updateCustomer } from "@/lib/services/customers";

// GET /api/v1/customers/{id} – one customer with its linked vendor customers
export const GET = apiRoute(API.getCustomer, ({ params }) => getCustomer(params.id));

// PATCH /api/v1/customers/{id} – rename, or set the overdue window
export const PATCH = apiRoute(API.updateCustomer, ({ actor, params, body }) => updateCustomer(actor, params.id, body));
