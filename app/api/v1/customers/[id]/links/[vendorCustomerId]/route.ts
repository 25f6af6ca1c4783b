import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { unlinkVendorCustomer } from "@/lib/services/customers";

// DELETE /api/v1/customers/{id}/links/{vendorCustomerId} – the vendor customer becomes a customer of its own
export const DELETE = apiRoute(API.unlinkCustomer, ({ actor, params }) => unlinkVendorCustomer(actor, params.id, params.vendorCustomerId));
