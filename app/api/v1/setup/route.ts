import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { completeSetup } from "@/lib/services/users";

// POST /api/v1/setup – create the first admin; refused (409) once any user exists
export const POST = apiRoute(API.setup, ({ body, actor }) => completeSetup(body, actor));
