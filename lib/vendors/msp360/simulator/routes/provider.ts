// The login, the one route that needs no token: a bearer token for the provider's API login and password.
import { route } from "@/lib/simulator-kit/routing";
import type { PublicRoute } from "../world";

export const providerRoutes: PublicRoute[] = [route("POST", "api/Provider/Login", ({ request, world }) => world.login(request))];
