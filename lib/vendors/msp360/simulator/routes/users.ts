// Users: the MSP's customers' backup accounts. POST answers the new ID as a JSON string, and business
// failures also answer 200 with a JSON string (an error text instead of a GUID), as the real API does.
import { route } from "@/lib/simulator-kit/routing";
import {
  msp360UserAuthenticateSchema,
  msp360UserComputersDeleteSchema,
  msp360UserCreateSchema,
  msp360UserUpdateSchema,
} from "../../schemas";
import { companyIdForName, findAccountDestination, findUserByEmail, newId, removeComputer, removeUser } from "../fleet-ops";
import { badRequest, empty, json, readBody } from "../http";
import type { ProviderData, User, UserDestination } from "../model";
import { userView } from "../views";
import type { ApiRoute } from "../world";

function passwordProblem(password: string): string | null {
  return password.length < 6 || password.length > 100 ? "Password must be between 6 and 100 characters long" : null;
}

function destinationsFor(
  data: ProviderData,
  list: { AccountID: string; Destination: string; PackageID: number }[],
): UserDestination[] | string {
  const result: UserDestination[] = [];
  for (const item of list) {
    const found = findAccountDestination(data, item.AccountID, item.Destination);
    if (!found) return `Destination '${item.Destination}' not found in account '${item.AccountID}'`;
    if (!data.packages.has(item.PackageID)) return `Package '${item.PackageID}' not found`;
    result.push({ id: newId(data), accountId: found.account.id, accountDestinationId: found.destination.id, packageId: item.PackageID });
  }
  return result;
}

function requireUser(data: ProviderData, id: string): User {
  const user = data.users.get(id.toLowerCase());
  if (!user) throw badRequest(`User with ID '${id}' not found`);
  return user;
}

export const userRoutes: ApiRoute[] = [
  route("GET", "api/Users", ({ view }) => json([...view.data.users.values()].map((user) => userView(view, user)))),

  route("PUT", "api/Users/Authenticate", async ({ request, view }) => {
    const body = await readBody(request, msp360UserAuthenticateSchema);
    const user = findUserByEmail(view.data, body.Email);
    return json(user && user.password === body.Password ? userView(view, user) : null);
  }),

  route("GET", "api/Users/{id}", ({ params, view }) => {
    const user = view.user(params.id);
    return json(user ? userView(view, user) : null);
  }),

  route("POST", "api/Users", async ({ request, view }) => {
    const body = await readBody(request, msp360UserCreateSchema, "user");
    const data = view.data;
    if (findUserByEmail(data, body.Email)) return json("Email already exist");
    const problem = passwordProblem(body.Password);
    if (problem) return json(problem);
    const destinations = destinationsFor(data, body.DestinationList ?? []);
    if (typeof destinations === "string") return json(destinations);
    const user: User = {
      id: newId(data),
      key: data.ids.int(0, 2 ** 31),
      email: body.Email.trim(),
      firstName: body.FirstName ?? "",
      lastName: body.LastName ?? "",
      notificationEmails: body.NotificationEmails ?? [],
      companyId: companyIdForName(data, body.Company),
      enabled: body.Enabled,
      licenseMode: body.LicenseManagmentMode ?? 0,
      password: body.Password,
      destinations,
      createdAt: view.now,
    };
    data.users.set(user.id, user);
    return json(user.id);
  }),

  route("PUT", "api/Users", async ({ request, view }) => {
    const body = await readBody(request, msp360UserUpdateSchema, "user");
    const data = view.data;
    const user = requireUser(data, body.ID);
    if (body.Email !== undefined) {
      const other = findUserByEmail(data, body.Email);
      if (other && other !== user) throw badRequest("Email already exist");
      user.email = body.Email.trim();
    }
    if (body.Password) {
      const problem = passwordProblem(body.Password);
      if (problem) throw badRequest(problem);
      user.password = body.Password;
    }
    if (body.FirstName !== undefined) user.firstName = body.FirstName ?? "";
    if (body.LastName !== undefined) user.lastName = body.LastName ?? "";
    if (body.NotificationEmails !== undefined) user.notificationEmails = body.NotificationEmails ?? [];
    if (body.Company !== undefined) user.companyId = companyIdForName(data, body.Company);
    const mode = body.LicenseManagmentMode ?? body.LicenseManagementMode;
    if (mode !== undefined) user.licenseMode = mode;
    user.enabled = body.Enabled;
    return empty();
  }),

  route("DELETE", "api/Users/{id}/Account", ({ params, view }) => {
    removeUser(view.data, requireUser(view.data, params.id ?? ""), false, view.now);
    return empty();
  }),

  route("DELETE", "api/Users/{id}", ({ params, view }) => {
    removeUser(view.data, requireUser(view.data, params.id ?? ""), true, view.now);
    return empty();
  }),

  route("GET", "api/Users/{id}/Computers", ({ params, view }) => {
    const computers = view.computersOf(params.id ?? "");
    return json(
      computers
        .filter((computer) => computer.userDestinationId !== null)
        .map((computer) => ({ DestinationId: computer.userDestinationId, ComputerName: computer.name })),
    );
  }),

  route("DELETE", "api/Users/{id}/Computers", async ({ request, params, view }) => {
    const user = requireUser(view.data, params.id ?? "");
    const items = await readBody(request, msp360UserComputersDeleteSchema, "computers");
    const owned = view.computersOf(user.id);
    const doomed = items.map((item) => {
      const computer = owned.find(
        (c) =>
          c.name.toLowerCase() === item.ComputerName.toLowerCase() &&
          c.userDestinationId === item.DestinationId.toLowerCase(),
      );
      if (!computer) throw badRequest(`Computer '${item.ComputerName}' not found on destination '${item.DestinationId}'`);
      return computer;
    });
    for (const computer of doomed) removeComputer(view.data, computer);
    return empty();
  }),
];
