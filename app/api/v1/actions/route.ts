import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { checkIdempotencyKey, createAction, listActions } from "@/lib/services/actions";

// POST /api/v1/actions – ask a vendor to do something; 202 when sent, 200 when the Idempotency-Key was seen before
export const POST = apiRoute(API.createAction, async ({ request, actor, user, body }) => {
  const { action, created } = await createAction(actor, user, checkIdempotencyKey(request.headers.get("idempotency-key")), body);
  return Response.json(action, { status: created ? 202 : 200 });
});

// GET /api/v1/actions – the actions feed, newest first
export const GET = apiRoute(API.listActions, ({ query }) => listActions(query));
