import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { createConnection, listConnections } from "@/lib/services/connections";

// GET /api/v1/connections – list vendor connections (never their secrets)
export const GET = apiRoute(API.listConnections, () => listConnections());

// POST /api/v1/connections – add a connection; the secret goes straight into the vault
export const POST = apiRoute(API.createConnection, ({ actor, body }) => createConnection(actor, body));
