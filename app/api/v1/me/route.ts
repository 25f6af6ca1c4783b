import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { setOwnTimeZone } from "@/lib/services/users";

// GET /api/v1/me – the signed-in user and role
export const GET = apiRoute(API.me, ({ user }) => user);

// PATCH /api/v1/me – the user's own preferences (time zone)
export const PATCH = apiRoute(API.updateMe, ({ user, body }) => setOwnTimeZone(user.id, body.timeZone));
