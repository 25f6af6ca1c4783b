// Administrators of the MSP console. POST answers the new AdminID as a JSON string.
import { route } from "@/lib/simulator-kit/routing";
import { MSP360_ADMIN_PERMISSIONS, msp360AdministratorCreateSchema, msp360AdministratorUpdateSchema } from "../../schemas";
import { newId } from "../fleet-ops";
import { badRequest, empty, json, readBody } from "../http";
import type { Administrator, ProviderData } from "../model";
import { administratorView } from "../views";
import type { ApiRoute } from "../world";

function requireAdministrator(data: ProviderData, id: string): Administrator {
  const admin = data.administrators.get(id.toLowerCase());
  if (!admin) throw badRequest(`Administrator with ID '${id}' not found`);
  return admin;
}

function requireUniqueEmail(data: ProviderData, email: string, except?: Administrator): void {
  for (const admin of data.administrators.values()) {
    if (admin !== except && admin.email.toLowerCase() === email.trim().toLowerCase()) {
      throw badRequest(`Administrator with email '${email}' already exists`);
    }
  }
}

/** Every known permission, with the given ones applied (missing ones stay as they were, or None). */
function permissions(given: Record<string, number> | null | undefined, current?: Record<string, number>) {
  const result = Object.fromEntries(MSP360_ADMIN_PERMISSIONS.map((key) => [key, current?.[key] ?? 0]));
  for (const [key, value] of Object.entries(given ?? {})) {
    const canonical = MSP360_ADMIN_PERMISSIONS.find((name) => name.toLowerCase() === key.toLowerCase());
    if (!canonical) throw badRequest(`Unknown permission '${key}'`);
    result[canonical] = value ? 1 : 0;
  }
  return result;
}

export const administratorRoutes: ApiRoute[] = [
  route("GET", "api/Administrators", ({ view }) => json([...view.data.administrators.values()].map(administratorView))),

  route("GET", "api/Administrators/{id}", ({ params, view }) => {
    const admin = view.data.administrators.get((params.id ?? "").toLowerCase());
    return json(admin ? administratorView(admin) : null);
  }),

  route("POST", "api/Administrators", async ({ request, view }) => {
    const body = await readBody(request, msp360AdministratorCreateSchema, "administrator");
    requireUniqueEmail(view.data, body.Email);
    const admin: Administrator = {
      id: newId(view.data),
      email: body.Email.trim(),
      firstName: body.FirstName ?? "",
      lastName: body.LastName ?? "",
      enabled: body.Enabled ?? true,
      permissions: permissions(body.PermissionsModels),
      lastLogin: null,
      createdAt: view.now,
      companies: body.Companies ?? [],
      accessToCompaniesMode: body.AccessToCompaniesMode ?? 1,
      accountType: body.AccountType ?? 1,
      password: body.InitialPassword,
    };
    view.data.administrators.set(admin.id, admin);
    return json(admin.id);
  }),

  route("PUT", "api/Administrators", async ({ request, view }) => {
    const body = await readBody(request, msp360AdministratorUpdateSchema, "administrator");
    const admin = requireAdministrator(view.data, body.AdminID);
    if (body.Email !== undefined) {
      requireUniqueEmail(view.data, body.Email, admin);
      admin.email = body.Email.trim();
    }
    if (body.FirstName !== undefined) admin.firstName = body.FirstName ?? "";
    if (body.LastName !== undefined) admin.lastName = body.LastName ?? "";
    if (body.Enabled !== undefined) admin.enabled = body.Enabled;
    if (body.PermissionsModels !== undefined) admin.permissions = permissions(body.PermissionsModels, admin.permissions);
    if (body.Companies !== undefined) admin.companies = body.Companies ?? [];
    if (body.AccessToCompaniesMode !== undefined) admin.accessToCompaniesMode = body.AccessToCompaniesMode;
    if (body.AccountType !== undefined) admin.accountType = body.AccountType;
    if (body.Password) admin.password = body.Password;
    return empty();
  }),

  route("DELETE", "api/Administrators/{id}", ({ params, view }) => {
    const admin = requireAdministrator(view.data, params.id ?? "");
    view.data.administrators.delete(admin.id);
    return empty();
  }),
];
