// Destinations: a user's backup storage (an account's bucket plus a package). GET by an unknown login answers
// 406 with no body, a quirk a real client recorded.
import { queryParam, route } from "@/lib/simulator-kit/routing";
import { msp360DestinationCreateSchema, msp360DestinationUpdateSchema } from "../../schemas";
import { findAccountDestination, findUserByEmail, newId } from "../fleet-ops";
import { ApiError, badRequest, empty, json, readBody } from "../http";
import type { ProviderData, User, UserDestination } from "../model";
import { userDestinationView } from "../views";
import type { ApiRoute } from "../world";

function requireUser(data: ProviderData, id: string): User {
  const user = data.users.get(id.toLowerCase());
  if (!user) throw badRequest(`User with ID '${id}' not found`);
  return user;
}

function resolveTarget(data: ProviderData, body: { AccountID: string; Destination: string; PackageID: number }) {
  const found = findAccountDestination(data, body.AccountID, body.Destination);
  if (!found) throw badRequest(`Destination '${body.Destination}' not found in account '${body.AccountID}'`);
  if (!data.packages.has(body.PackageID)) throw badRequest(`Package with ID '${body.PackageID}' not found`);
  return { accountId: found.account.id, accountDestinationId: found.destination.id, packageId: body.PackageID };
}

function requireUnique(user: User, accountDestinationId: string, except?: UserDestination): void {
  if (user.destinations.some((d) => d !== except && d.accountDestinationId === accountDestinationId)) {
    throw badRequest("The user already has this destination");
  }
}

export const destinationRoutes: ApiRoute[] = [
  route("GET", "api/Destinations/{email}", ({ params, view }) => {
    const user = findUserByEmail(view.data, params.email ?? "");
    if (!user) throw new ApiError(new Response(null, { status: 406 }));
    return json(user.destinations.map((d) => userDestinationView(view, user, d)));
  }),

  route("POST", "api/Destinations", async ({ request, view }) => {
    const body = await readBody(request, msp360DestinationCreateSchema, "destination");
    const user = requireUser(view.data, body.UserID);
    const target = resolveTarget(view.data, body);
    requireUnique(user, target.accountDestinationId);
    user.destinations.push({ id: newId(view.data), ...target });
    return empty();
  }),

  route("PUT", "api/Destinations", async ({ request, view }) => {
    const body = await readBody(request, msp360DestinationUpdateSchema, "destination");
    const user = requireUser(view.data, body.UserID);
    const destination = user.destinations.find((d) => d.id === body.ID.toLowerCase());
    if (!destination) throw badRequest(`Destination with ID '${body.ID}' not found`);
    const target = resolveTarget(view.data, body);
    requireUnique(user, target.accountDestinationId, destination);
    Object.assign(destination, target);
    return empty();
  }),

  route("DELETE", "api/Destinations/{id}", ({ url, params, view }) => {
    const userId = queryParam(url, "UserID");
    if (!userId) throw badRequest("UserID is required");
    const user = requireUser(view.data, userId);
    const id = (params.id ?? "").toLowerCase();
    if (!user.destinations.some((d) => d.id === id)) throw badRequest(`Destination with ID '${params.id}' not found`);
    user.destinations = user.destinations.filter((d) => d.id !== id);
    for (const computer of view.computersOf(user.id)) if (computer.userDestinationId === id) computer.userDestinationId = null;
    return empty();
  }),
];
