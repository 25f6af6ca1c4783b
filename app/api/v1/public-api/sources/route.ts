import { apiRoute } from "@/lib/api/route";
import { sourceCatalog } from "@/lib/public-api/sources";

// GET /api/v1/public-api/sources – what datasets can be built from, with every column and its type
export const GET = apiRoute({ role: "admin" }, async () => sourceCatalog());
