// Licenses: Grant gives one to a user (and binds it to a computer of theirs that has none), Revoke frees the
// computer binding, Release takes it back from the user. A license is available when it is not taken.
import { queryParam, route } from "@/lib/simulator-kit/routing";
import { msp360LicenseOperationSchema } from "../../schemas";
import { badRequest, empty, json, readBody } from "../http";
import type { License, User } from "../model";
import type { FleetSnapshot } from "../snapshot";
import { licenseView } from "../views";
import type { ApiContext, ApiRoute } from "../world";

const isTaken = (license: License) => license.userId !== null || license.computerHid !== null;

async function readOperation({ request, view }: ApiContext): Promise<{ license: License; user: User }> {
  const body = await readBody(request, msp360LicenseOperationSchema, "license");
  const license = view.data.licenses.get(body.LicenseID.toLowerCase());
  if (!license) throw badRequest(`License with ID '${body.LicenseID}' not found`);
  const user = view.user(body.UserID);
  if (!user) throw badRequest(`User with ID '${body.UserID}' not found`);
  return { license, user };
}

/** A computer of the user's that holds no license yet. */
function unlicensedComputer(view: FleetSnapshot, user: User): string | null {
  const licensed = new Set([...view.data.licenses.values()].map((l) => l.computerHid));
  return view.computersOf(user.id).find((computer) => !licensed.has(computer.hid))?.hid ?? null;
}

export const licenseRoutes: ApiRoute[] = [
  route("GET", "api/Licenses", ({ url, view }) => {
    const filter = queryParam(url, "isAvailable");
    if (filter !== null && !/^(true|false)$/i.test(filter)) {
      throw badRequest(`The value '${filter}' is not valid for isAvailable.`);
    }
    const licenses = [...view.data.licenses.values()].filter(
      (license) => filter === null || isTaken(license) !== (filter.toLowerCase() === "true"),
    );
    return json(licenses.map((license) => licenseView(view, license)));
  }),

  route("GET", "api/Licenses/{id}", ({ params, view }) => {
    const license = view.data.licenses.get((params.id ?? "").toLowerCase());
    return json(license ? licenseView(view, license) : null);
  }),

  route("POST", "api/Licenses/Grant", async (context) => {
    const { license, user } = await readOperation(context);
    if (license.userId === user.id) return empty();
    if (isTaken(license)) throw badRequest("The license is already in use");
    license.userId = user.id;
    license.computerHid = unlicensedComputer(context.view, user);
    return empty();
  }),

  route("POST", "api/Licenses/Release", async (context) => {
    const { license, user } = await readOperation(context);
    if (license.userId !== user.id) throw badRequest("The license is not granted to this user");
    license.userId = null;
    license.computerHid = null;
    return empty();
  }),

  route("POST", "api/Licenses/Revoke", async (context) => {
    const { license, user } = await readOperation(context);
    if (license.userId !== user.id) throw badRequest("The license is not granted to this user");
    license.computerHid = null;
    return empty();
  }),
];
