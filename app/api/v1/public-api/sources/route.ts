import { apiRoute } from "@/lib/api/route";
import { API } from "@/lib/api/registry";
import { sourceCatalog } from "@/lib/public-api/sources";

export const GET = apiRoute(API.publicApiSources, async () => sourceCatalog());
