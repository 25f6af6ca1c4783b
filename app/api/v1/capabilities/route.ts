import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { capabilitiesOf } from "@/lib/services/actions";

// GET /api/v1/capabilities – what can be done to an object at its vendor, and why not where it cannot
export const GET = apiRoute(API.capabilities, async ({ query }) => ({ capabilities: await capabilitiesOf(query.kind, query.id) }));
