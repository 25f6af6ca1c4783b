import { apiRoute, idParams } from "@/lib/api/route";
import { updateUserInputSchema } from "@/lib/schemas/users";
import { updateUser } from "@/lib/services/users";

// PATCH /api/v1/users/{id} – rename, change role, disable/enable or reset the password
export const PATCH = apiRoute({ role: "admin", params: idParams, body: updateUserInputSchema }, ({ actor, params, body }) =>
  updateUser(actor, params.id, body),
);
