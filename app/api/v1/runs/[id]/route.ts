import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { getRun } from "@/lib/services/runs";

// GET /api/v1/runs/{id} – one run with the vendor's raw record
export const GET = apiRoute(API.getRun, ({ params }) => getRun(params.id));
