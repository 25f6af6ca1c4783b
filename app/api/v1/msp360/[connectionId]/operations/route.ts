import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { msp360Operate } from "@/lib/services/msp360-admin";

// POST /api/v1/msp360/{connectionId}/operations – one change in MSP360 administration, audited
export const POST = apiRoute(API.msp360Operate, ({ actor, params, body }) => msp360Operate(actor, params.connectionId, body));
