import { API } from "@/lib/api/registry";
import { apiRoute } from "@/lib/api/route";
import { createDisplayLink, listDisplayLinks } from "@/lib/services/display-links";

// GET /api/v1/display-links – the wall screens' links, with when each was last seen
export const GET = apiRoute(API.listDisplayLinks, () => listDisplayLinks());

// POST /api/v1/display-links – create one; its token is in this answer only
export const POST = apiRoute(API.createDisplayLink, ({ actor, body }) => createDisplayLink(actor, body));
