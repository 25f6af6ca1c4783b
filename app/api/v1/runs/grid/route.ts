import { apiRoute } from "@/lib/api/route";
import { runGrid, runGridQuerySchema } from "@/lib/services/runs";

// GET /api/v1/runs/grid – endpoints × days, each day's worst backup result (paged by endpoint)
export const GET = apiRoute({ role: "viewer", query: runGridQuerySchema }, ({ query }) => runGrid(query));
