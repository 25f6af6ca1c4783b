import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { suggestCustomerLinks } from "@/lib/services/customers";

// GET /api/v1/customers/suggestions – customers whose names look alike at different connections
export const GET = apiRoute(API.customerSuggestions, () => suggestCustomerLinks());
