import { apiRoute, idParams } from "@/lib/api/route";
import { getConfiguration } from "@/lib/services/configurations";

// GET /api/v1/configurations/{id} – one configuration with selection, retention, notifications and runs
export const GET = apiRoute({ role: "viewer", params: idParams }, ({ params }) => getConfiguration(params.id));
