import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { updateUser } from "@/lib/services/users";

// PATCH /api/v1/users/{id} – rename, change role, disable/enable or reset the password
export const PATCH = apiRoute(API.updateUser, ({ actor, params, body }) => updateUser(actor, params.id, body));
