import { apiRoute } from "@/lib/api/route";
import { customerListQuerySchema, listCustomers } from "@/lib/services/customers";

// GET /api/v1/customers – customers of every vendor (MSP360 companies/users, Rackspace accounts)
export const GET = apiRoute({ role: "viewer", query: customerListQuerySchema }, ({ query }) => listCustomers(query));
