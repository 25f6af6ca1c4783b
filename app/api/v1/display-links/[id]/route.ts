import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { revokeDisplayLink, updateDisplayLink } from "@/lib/services/display-links";

// PATCH /api/v1/display-links/{id} – rename, rescope, change pages or intervals
export const PATCH = apiRoute(API.updateDisplayLink, ({ actor, params, body }) => updateDisplayLink(actor, params.id, body));

// DELETE /api/v1/display-links/{id} – revoke: the wall blanks at its next refresh
export const DELETE = apiRoute(API.revokeDisplayLink, ({ actor, params }) => revokeDisplayLink(actor, params.id));
