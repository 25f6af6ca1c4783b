// GET /api/widget/{resourceId} – the Public API (MSPbots-compatible): a page of a widget's rows bound to the key in the
// `apikey` header. Never the session cookie; read-only.
import { methodNotAllowed, servePublicRequest } from "@/lib/services/public-api-serve";

export async function GET(request: Request, context: { params: Promise<{ resourceId: string }> }) {
  return servePublicRequest("widget", request, (await context.params).resourceId);
}

export const POST = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
