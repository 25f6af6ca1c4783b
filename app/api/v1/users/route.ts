import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { createUser, listUsers } from "@/lib/services/users";

// GET /api/v1/users – list users
export const GET = apiRoute(API.listUsers, () => listUsers());

// POST /api/v1/users – create a user with a role and an initial password
export const POST = apiRoute(API.createUser, ({ actor, body }) => createUser(actor, body));
