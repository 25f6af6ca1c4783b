import { apiRoute } from "@/lib/api/route";
import { createConnectionInputSchema } from "@/lib/schemas/connections";
import { createConnection, listConnections } from "@/lib/services/connections";

// GET /api/v1/connections – list vendor connections (never their secrets)
export const GET = apiRoute({ role: "viewer" }, () => listConnections());

// POST /api/v1/connections – add a connection; the secret goes straight into the vault
export const POST = apiRoute({ role: "admin", body: createConnectionInputSchema }, async ({ actor, body }) =>
  Response.json(await createConnection(actor, body), { status: 201 }),
);
