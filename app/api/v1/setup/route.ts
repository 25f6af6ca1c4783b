import { toErrorResponse } from "@/lib/api/errors";
import { requestOrigin } from "@/lib/auth/actor";
import { completeSetup } from "@/lib/services/users";

// POST /api/v1/setup – create the first admin; refused (409) once any user exists
export async function POST(request: Request) {
  try {
    const body: unknown = await request.json().catch(() => ({}));
    return Response.json(await completeSetup(body, requestOrigin(request.headers)), { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
