import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { testConnection } from "@/lib/services/connection-test";

// POST /api/v1/connections/{id}/test – a real login and one list call; says in words what failed
export const POST = apiRoute(API.testConnection, ({ params }) => testConnection(params.id));
