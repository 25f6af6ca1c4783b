// Identity v2.0, the one route that needs no token: `POST /v2.0/tokens` answers a token and a service catalog
// whose backup endpoints point back into this simulator.
import { route } from "@/lib/simulator-kit/routing";
import type { PublicRoute } from "../world";

export const identityRoutes: PublicRoute[] = [
  route("POST", "v2.0/tokens", ({ request, options, world }) => world.identity.authenticate(request, options.baseUrl)),
];
