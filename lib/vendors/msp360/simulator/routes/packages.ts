// Packages: storage limits and prices assigned to user destinations. IDs are numbers.
import { route } from "@/lib/simulator-kit/routing";
import { msp360PackageCreateSchema, msp360PackageUpdateSchema } from "../../schemas";
import { badRequest, empty, json, readBody } from "../http";
import type { ProviderData, StoragePackage } from "../model";
import { packageView } from "../views";
import type { ApiRoute } from "../world";

function requirePackage(data: ProviderData, id: number): StoragePackage {
  const pkg = data.packages.get(id);
  if (!pkg) throw badRequest(`Package with ID '${id}' not found`);
  return pkg;
}

export const packageRoutes: ApiRoute[] = [
  route("GET", "api/Packages", ({ view }) => json([...view.data.packages.values()].map(packageView))),

  route("GET", "api/Packages/{id:int}", ({ params, view }) => {
    const pkg = view.data.packages.get(Number(params.id));
    return json(pkg ? packageView(pkg) : null);
  }),

  route("POST", "api/Packages", async ({ request, view }) => {
    const body = await readBody(request, msp360PackageCreateSchema, "package");
    const data = view.data;
    const pkg: StoragePackage = {
      id: data.nextPackageId++,
      name: body.Name,
      description: body.Description ?? "",
      cost: body.Cost,
      enabled: true,
      storageLimitGb: body.StorageLimit,
      isGlacierRestoreLimit: body.isGlacierRestoreLimit ?? false,
      restoreLimit: body.RestoreLimit ?? -1,
      glacierRestoreType: body.GlacierRestoreType ?? 3,
      useRestoreLimit: body.UseRestoreLimit ?? false,
    };
    data.packages.set(pkg.id, pkg);
    return json(pkg.id);
  }),

  route("PUT", "api/Packages", async ({ request, view }) => {
    const body = await readBody(request, msp360PackageUpdateSchema, "package");
    const pkg = requirePackage(view.data, body.ID);
    pkg.name = body.Name;
    pkg.cost = body.Cost;
    pkg.storageLimitGb = body.StorageLimit;
    if (body.Description !== undefined) pkg.description = body.Description ?? "";
    if (body.Enabled !== undefined) pkg.enabled = body.Enabled;
    if (body.isGlacierRestoreLimit !== undefined) pkg.isGlacierRestoreLimit = body.isGlacierRestoreLimit;
    if (body.RestoreLimit !== undefined) pkg.restoreLimit = body.RestoreLimit;
    if (body.GlacierRestoreType !== undefined) pkg.glacierRestoreType = body.GlacierRestoreType;
    if (body.UseRestoreLimit !== undefined) pkg.useRestoreLimit = body.UseRestoreLimit;
    return empty();
  }),

  route("DELETE", "api/Packages/{id:int}", ({ params, view }) => {
    const pkg = requirePackage(view.data, Number(params.id));
    const inUse = [...view.data.users.values()].some((user) => user.destinations.some((d) => d.packageId === pkg.id));
    if (inUse) throw badRequest(`Package '${pkg.name}' is assigned to users and cannot be deleted`);
    view.data.packages.delete(pkg.id);
    return empty();
  }),
];
