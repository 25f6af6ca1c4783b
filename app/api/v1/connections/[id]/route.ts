import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { deleteConnection, getConnection, updateConnection } from "@/lib/services/connections";

// GET /api/v1/connections/{id} – one connection (never its secret)
export const GET = apiRoute(API.getConnection, ({ params }) => getConnection(params.id));

// PATCH /api/v1/connections/{id} – rename, re-point, enable/disable or replace the secret
export const PATCH = apiRoute(API.updateConnection, ({ actor, params, body }) => updateConnection(actor, params.id, body));

// DELETE /api/v1/connections/{id} – remove a connection and its stored secret
export const DELETE = apiRoute(API.deleteConnection, ({ actor, params }) => deleteConnection(actor, params.id));
