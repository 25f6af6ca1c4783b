// Companies group users. Note the `Id` casing. Deleting a company leaves its users without one.
import { route } from "@/lib/simulator-kit/routing";
import { msp360CompanyCreateSchema, msp360CompanyUpdateSchema, type Msp360CompanyCreate } from "../../schemas";
import { createCompany, findCompanyByName } from "../fleet-ops";
import { badRequest, empty, json, readBody } from "../http";
import type { Company, ProviderData } from "../model";
import { companyView } from "../views";
import type { ApiRoute } from "../world";

type CompanyFields = Omit<Msp360CompanyCreate, "Name">;

function applyFields(data: ProviderData, company: Company, body: CompanyFields): void {
  if (body.StorageLimit !== undefined) company.storageLimit = body.StorageLimit;
  if (body.LicenseSettings !== undefined) company.licenseSettings = body.LicenseSettings;
  if (body.Destinations) {
    const known = new Set([...data.accounts.values()].flatMap((a) => a.destinations.map((d) => d.id)));
    for (const d of body.Destinations) {
      if (!known.has(d.DestinationId.toLowerCase())) throw badRequest(`Destination '${d.DestinationId}' not found`);
    }
    company.destinations = body.Destinations.map((d) => ({ destinationId: d.DestinationId.toLowerCase(), planId: d.PlanId ?? null }));
  }
}

function requireCompany(data: ProviderData, id: string): Company {
  const company = data.companies.get(id.toLowerCase());
  if (!company) throw badRequest(`Company with ID '${id}' not found`);
  return company;
}

export const companyRoutes: ApiRoute[] = [
  route("GET", "api/Companies", ({ view }) => json([...view.data.companies.values()].map(companyView))),

  route("GET", "api/Companies/{id}", ({ params, view }) => {
    const company = view.company(params.id);
    return json(company ? companyView(company) : null);
  }),

  route("POST", "api/Companies", async ({ request, view }) => {
    const body = await readBody(request, msp360CompanyCreateSchema, "company");
    if (findCompanyByName(view.data, body.Name)) throw badRequest(`Company with name '${body.Name}' already exists`);
    const company = createCompany(view.data, body.Name);
    try {
      applyFields(view.data, company, body);
    } catch (error) {
      view.data.companies.delete(company.id);
      throw error;
    }
    return json(company.id);
  }),

  route("PUT", "api/Companies", async ({ request, view }) => {
    const body = await readBody(request, msp360CompanyUpdateSchema, "company");
    const company = requireCompany(view.data, body.Id);
    const other = findCompanyByName(view.data, body.Name);
    if (other && other !== company) throw badRequest(`Company with name '${body.Name}' already exists`);
    applyFields(view.data, company, body);
    company.name = body.Name.trim();
    return empty();
  }),

  route("DELETE", "api/Companies/{id}", ({ params, view }) => {
    const company = requireCompany(view.data, params.id ?? "");
    for (const user of view.data.users.values()) if (user.companyId === company.id) user.companyId = null;
    view.data.companies.delete(company.id);
    return empty();
  }),
];
