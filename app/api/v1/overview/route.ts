import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { overview } from "@/lib/services/overview";

// GET /api/v1/overview – agents by status, success rates, customers needing attention and storage growth
export const GET = apiRoute(API.overview, () => overview());
