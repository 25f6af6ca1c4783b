import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { listCustomers } from "@/lib/services/customers";

// GET /api/v1/customers – customers of every vendor (MSP360 companies/users, Rackspace accounts)
export const GET = apiRoute(API.listCustomers, ({ query }) => listCustomers(query));
