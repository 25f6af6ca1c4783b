import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";

// GET /api/v1/me – the signed-in user and role
export const GET = apiRoute(API.me, ({ user }) => user);
