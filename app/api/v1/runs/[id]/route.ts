import { apiRoute, idParams } from "@/lib/api/route";
import { getRun } from "@/lib/services/runs";

// GET /api/v1/runs/{id} – one run with the vendor's raw report data
export const GET = apiRoute({ role: "viewer", params: idParams }, ({ params }) => getRun(params.id));
