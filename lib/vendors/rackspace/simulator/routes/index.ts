// Every route the simulator answers, relative to its mount point:
//   POST /v2.0/tokens                               Identity v2.0 (no token)
//   /{region}/v1.0/{tenantId}/...                   the backup API (`RACKSPACE_ROUTES`) as the catalog's publicURLs
//                                                   point to it, region = dfw | iad | ord | lon | syd | hkg
import { createRouter, requestedUri, routeTable, type RouteRequest, type SimulatorRoutes } from "@/lib/simulator-kit/routing";
import { RACKSPACE_REGIONS } from "../../schemas";
import { RackspaceApiError, errorResponse, routeNotFound, unauthorized } from "../http";
import type { ApiRoute, ApiScope, RackspaceWorld } from "../world";
import { agentRoutes } from "./agents";
import { backupRoutes } from "./backups";
import { configurationRoutes } from "./configurations";
import { identityRoutes } from "./identity";
import { restoreRoutes } from "./restores";

export const RACKSPACE_ROUTES: readonly ApiRoute[] = [...agentRoutes, ...configurationRoutes, ...backupRoutes, ...restoreRoutes];

const REGION_SEGMENTS = new Set<string>(RACKSPACE_REGIONS.map((region) => region.toLowerCase()));

/** A known region, a valid token, and the token's own tenant in the path (another tenant's path finds nothing). */
function apiScope(world: RackspaceWorld, context: RouteRequest): ApiScope | Response {
  const { request, params, options } = context;
  if (!REGION_SEGMENTS.has((params.region ?? "").toLowerCase())) return routeNotFound(requestedUri(context));
  const tenant = options.forceUnauthorized ? null : world.identity.tenantFor(request.headers.get("X-Auth-Token") ?? undefined);
  if (!tenant) return unauthorized();
  if (tenant.id !== params.tenantId) return errorResponse(404, "The requested resource was not found.");
  return { world, tenant };
}

export function createRackspaceRoutes(world: RackspaceWorld): SimulatorRoutes {
  return createRouter(
    [
      routeTable({ routes: identityRoutes, scope: () => ({ world }) }),
      routeTable({ prefix: "{region}/v1.0/{tenantId}", routes: RACKSPACE_ROUTES, scope: (context) => apiScope(world, context) }),
    ],
    {
      // No 405: the simulator has always answered a wrong method like an unknown route.
      notFound: (context) => routeNotFound(requestedUri(context)),
      answerError: (error) => {
        if (error instanceof RackspaceApiError) return errorResponse(error.status, error.message, error.modelState);
        console.error("rackspace simulator error", error);
        return errorResponse(500, "An error has occurred.");
      },
    },
  );
}
