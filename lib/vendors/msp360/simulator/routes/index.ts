// Every route the simulator answers: the login (no token) and the API (`MSP360_ROUTES`, behind the token and
// the quota). The order matters only where templates overlap; literal segments come first.
import { createRouter, requestedUri, routeTable, type SimulatorRoutes } from "@/lib/simulator-kit/routing";
import { ApiError, methodNotAllowed, routeNotFound } from "../http";
import type { ApiRoute, Msp360World } from "../world";
import { accountRoutes } from "./accounts";
import { administratorRoutes } from "./administrators";
import { billingRoutes } from "./billing";
import { buildRoutes } from "./builds";
import { companyRoutes } from "./companies";
import { computerRoutes } from "./computers";
import { destinationRoutes } from "./destinations";
import { licenseRoutes } from "./licenses";
import { monitoringRoutes } from "./monitoring";
import { packageRoutes } from "./packages";
import { providerRoutes } from "./provider";
import { userRoutes } from "./users";

export const MSP360_ROUTES: readonly ApiRoute[] = [
  ...packageRoutes,
  ...userRoutes,
  ...monitoringRoutes,
  ...companyRoutes,
  ...computerRoutes,
  ...licenseRoutes,
  ...destinationRoutes,
  ...accountRoutes,
  ...billingRoutes,
  ...buildRoutes,
  ...administratorRoutes,
];

export function createMsp360Routes(world: Msp360World): SimulatorRoutes {
  return createRouter(
    [
      routeTable({ routes: providerRoutes, scope: () => ({ world }) }),
      routeTable({ routes: MSP360_ROUTES, scope: ({ request, options }) => world.authorize(request, options.forceUnauthorized) }),
    ],
    {
      notFound: (context) => routeNotFound(requestedUri(context)),
      methodNotAllowed: ({ request }) => methodNotAllowed(request.method),
      answerError: (error) => (error instanceof ApiError ? error.response : undefined),
    },
  );
}
