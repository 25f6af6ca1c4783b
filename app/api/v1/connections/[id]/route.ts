import { apiRoute, idParams } from "@/lib/api/route";
import { updateConnectionInputSchema } from "@/lib/schemas/connections";
import { deleteConnection, getConnection, updateConnection } from "@/lib/services/connections";

// GET /api/v1/connections/{id} – one connection (never its secret)
export const GET = apiRoute({ role: "viewer", params: idParams }, ({ params }) => getConnection(params.id));

// PATCH /api/v1/connections/{id} – rename, re-point, enable/disable or replace the secret
export const PATCH = apiRoute({ role: "admin", params: idParams, body: updateConnectionInputSchema }, ({ actor, params, body }) =>
  updateConnection(actor, params.id, body),
);

// DELETE /api/v1/connections/{id} – remove a connection and its stored secret
export const DELETE = apiRoute({ role: "admin", params: idParams }, ({ actor, params }) => deleteConnection(actor, params.id));
