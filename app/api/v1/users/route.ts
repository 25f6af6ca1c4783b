import { apiRoute } from "@/lib/api/route";
import { createUserInputSchema } from "@/lib/schemas/users";
import { createUser, listUsers } from "@/lib/services/users";

// GET /api/v1/users – list users
export const GET = apiRoute({ role: "admin" }, () => listUsers());

// POST /api/v1/users – create a user with a role and an initial password
export const POST = apiRoute({ role: "admin", body: createUserInputSchema }, async ({ actor, body }) =>
  Response.json(await createUser(actor, body), { status: 201 }),
);
