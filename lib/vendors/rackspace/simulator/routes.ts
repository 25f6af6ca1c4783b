// URL layout (paths relative to the simulator's mount point):
//   POST /v2.0/tokens                               Identity v2.0
//   /{region}/v1.0/{tenantId}/...                   the backup API as the catalog's publicURLs point to it,
//                                                   region = dfw | iad | ord | lon | syd | hkg
// Paths are matched case-insensitively, like the ASP.NET service.
import { Hono } from "hono";
import { RACKSPACE_REGIONS } from "../schemas";
import type { RouteEnv } from "./http";
import { agentRoutes } from "./routes-agents";
import { backupRoutes } from "./routes-backups";
import { configurationRoutes } from "./routes-configurations";
import { restoreRoutes } from "./routes-restores";
import type { RackspaceWorld } from "./world";
import { RackspaceApiError, errorResponse, jsonResponse } from "./wire";

const REGION_SEGMENTS = new Set<string>(RACKSPACE_REGIONS.map((region) => region.toLowerCase()));

/** The backup API's answer to a missing, unknown or expired token (our choice: ASP.NET's [Authorize] message). */
function unauthorized(): Response {
  return jsonResponse({ Message: "Authorization has been denied for this request." }, 401, {
    "WWW-Authenticate": 'Keystone uri="https://identity.api.rackspacecloud.com/"',
  });
}

export function createRoutes(world: RackspaceWorld) {
  const app = new Hono<RouteEnv>({ getPath: (request) => new URL(request.url).pathname.toLowerCase() });

  app.post("/v2.0/tokens", (c) => world.identity.authenticate(c.req.raw, c.env.baseUrl));

  const api = new Hono<RouteEnv>();
  api.use("*", async (c, next) => {
    if (!REGION_SEGMENTS.has(c.req.param("region") ?? "")) {
      return errorResponse(404, `No HTTP resource was found that matches the request URI '${c.req.url}'.`);
    }
    const tenant = c.env.forceUnauthorized ? null : world.identity.tenantFor(c.req.header("X-Auth-Token"));
    if (!tenant) return unauthorized();
    // A valid token on another tenant's path finds nothing there, like another tenant's ids.
    if (tenant.id !== c.req.param("tenantId")) return errorResponse(404, "The requested resource was not found.");
    c.set("tenant", tenant);
    await next();
  });
  agentRoutes(api, world);
  configurationRoutes(api, world);
  backupRoutes(api, world);
  restoreRoutes(api, world);
  app.route("/:region/v1.0/:tenantId", api);

  app.notFound((c) => errorResponse(404, `No HTTP resource was found that matches the request URI '${c.req.url}'.`));
  app.onError((error) => {
    if (error instanceof RackspaceApiError) return errorResponse(error.status, error.message, error.modelState);
    console.error("rackspace simulator error", error);
    return errorResponse(500, "An error has occurred.");
  });
  return app;
}
