import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { getAction } from "@/lib/services/actions";

// GET /api/v1/actions/{id} – one action, its state now (read from the vendor while it is open)
export const GET = apiRoute(API.getAction, ({ params, request }) => getAction(params.id, request.signal));
