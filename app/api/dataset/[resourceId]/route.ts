// GET /api/dataset/{resourceId} – the Public API (MSPbots-compatible): a page of a dataset bound to the key in the
// `apikey` header. Never the session cookie; read-only.
import { methodNotAllowed, servePublicRequest } from "@/lib/services/public-api-serve";

export async function GET(request: Request, context: { params: Promise<{ resourceId: string }> }) {
  return servePublicRequest("dataset", request, (await context.params).resourceId);
}

export const POST = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
