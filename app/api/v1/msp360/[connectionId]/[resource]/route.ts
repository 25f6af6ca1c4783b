import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { msp360List } from "@/lib/services/msp360-admin";

// GET /api/v1/msp360/{connectionId}/{resource} – MSP360's users, companies, packages, licenses… read live
export const GET = apiRoute(API.msp360List, ({ params }) => msp360List(params.connectionId, params.resource));
