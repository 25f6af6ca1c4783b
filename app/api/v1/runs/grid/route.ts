import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { runGrid } from "@/lib/services/run-grid";

// GET /api/v1/runs/grid – plans (or agents) × days in the reader's time zone
export const GET = apiRoute(API.runGrid, ({ query, user }) => runGrid(query, user.timeZone));
