// Every route the simulator answers (besides POST api/Provider/Login, which needs no token and is handled
// by the world). The order matters only where templates overlap; literal segments come first.
import type { Route } from "../router";
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
import { userRoutes } from "./users";

export const MSP360_ROUTES: readonly Route[] = [
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
