import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { getConfiguration } from "@/lib/services/configurations";

// GET /api/v1/configurations/{id} – one configuration with selection, retention, notifications and runs
export const GET = apiRoute(API.getConfiguration, ({ params }) => getConfiguration(params.id));
