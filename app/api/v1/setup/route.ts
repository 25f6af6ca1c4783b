import { toErrorResponse } from "@/lib/api/errors";
import { assertWriteRequest, readJsonBody } from "@/lib/api/route";
import { requestOrigin } from "@/lib/auth/actor";
import { completeSetup } from "@/lib/services/users";

// POST /api/v1/setup – create the first admin; refused (409) once any user exists
export async function POST(request: Request) {
  try {
    // The same door as every other write: a cross-site form must not create the first admin of a fresh install.
    assertWriteRequest(request);
    const body = await readJsonBody(request);
    return Response.json(await completeSetup(body, requestOrigin(request.headers)), { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
