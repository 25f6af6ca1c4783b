import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { runGrid } from "@/lib/services/runs";

// GET /api/v1/runs/grid – endpoints × days, each day's worst backup result (paged by endpoint)
export const GET = apiRoute(API.runGrid, ({ query }) => runGrid(query));
