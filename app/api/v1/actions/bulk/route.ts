import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { checkIdempotencyKey } from "@/lib/services/actions";
import { createBulkRun } from "@/lib/services/bulk-actions";

// POST /api/v1/actions/bulk – run a bulk action of a customer on the server; 202 when started, 200 for a known key
export const POST = apiRoute(API.createBulkRun, async ({ request, actor, user, body }) => {
  const { run, created } = await createBulkRun(actor, user, checkIdempotencyKey(request.headers.get("idempotency-key")), body);
  return Response.json(run, { status: created ? 202 : 200 });
});
