import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { listCustomers } from "@/lib/services/customers";

// GET /api/v1/customers – the MSP's customers with their linked vendor customers (MSP360 companies, Rackspace accounts)
export const GET = apiRoute(API.listCustomers, ({ query }) => listCustomers(query));
