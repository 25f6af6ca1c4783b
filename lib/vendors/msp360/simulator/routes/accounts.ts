// Storage accounts and their destinations (buckets). AddDestination registers an existing bucket;
// CreateDestination (undocumented) is modelled as creating one, so it also checks the bucket name.
import { route } from "@/lib/simulator-kit/routing";
import {
  msp360AccountCreateSchema,
  msp360AccountDestinationChangeSchema,
  msp360AccountDestinationCreateSchema,
  msp360AccountUpdateSchema,
} from "../../schemas";
import { newId } from "../fleet-ops";
import { badRequest, empty, json, readBody } from "../http";
import type { AccountDestination, ProviderData, StorageAccount } from "../model";
import { accountView } from "../views";
import type { ApiContext, ApiRoute } from "../world";

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function requireAccount(data: ProviderData, id: string): StorageAccount {
  const account = data.accounts.get(id.toLowerCase());
  if (!account) throw badRequest(`Account with ID '${id}' not found`);
  return account;
}

function requireUniqueName(data: ProviderData, name: string, except?: StorageAccount): void {
  for (const account of data.accounts.values()) {
    if (account !== except && account.displayName.toLowerCase() === name.trim().toLowerCase()) {
      throw badRequest(`Account with name '${name}' already exists`);
    }
  }
}

function requireDestination(account: StorageAccount, id: string): AccountDestination {
  const destination = account.destinations.find((d) => d.id === id.toLowerCase());
  if (!destination) throw badRequest(`Destination with ID '${id}' not found`);
  return destination;
}

async function addDestination({ request, view }: ApiContext, creating: boolean): Promise<Response> {
  const body = await readBody(request, msp360AccountDestinationCreateSchema, "destination");
  const account = requireAccount(view.data, body.AccountID);
  if (creating && !BUCKET_NAME.test(body.Destination)) throw badRequest(`Bucket name '${body.Destination}' is not valid`);
  if (account.destinations.some((d) => d.bucket.toLowerCase() === body.Destination.toLowerCase())) {
    throw badRequest(`Destination '${body.Destination}' already exists`);
  }
  const displayName = body.DestinationDisplayName ?? body.Destination;
  account.destinations.push({ id: newId(view.data), bucket: body.Destination, displayName });
  return empty();
}

export const accountRoutes: ApiRoute[] = [
  route("GET", "api/Accounts", ({ view }) => json([...view.data.accounts.values()].map((a) => accountView(a, true)))),

  route("GET", "api/Accounts/{id}", ({ params, view }) => {
    const account = view.data.accounts.get((params.id ?? "").toLowerCase());
    return json(account ? accountView(account, false) : null);
  }),

  route("POST", "api/Accounts", async ({ request, view }) => {
    const body = await readBody(request, msp360AccountCreateSchema, "account");
    requireUniqueName(view.data, body.DisplayName);
    const account: StorageAccount = {
      id: newId(view.data),
      resellerAccountId: newId(view.data),
      createdAt: view.now,
      displayName: body.DisplayName.trim(),
      type: body.Type,
      settings: body.AccountSettings ?? {},
      destinations: [],
    };
    view.data.accounts.set(account.id, account);
    return empty();
  }),

  route("PUT", "api/Accounts", async ({ request, view }) => {
    const body = await readBody(request, msp360AccountUpdateSchema, "account");
    const account = requireAccount(view.data, body.AccountID);
    requireUniqueName(view.data, body.DisplayName, account);
    account.displayName = body.DisplayName.trim();
    account.type = body.Type;
    if (body.AccountSettings !== undefined) account.settings = body.AccountSettings ?? {};
    return empty();
  }),

  route("POST", "api/Accounts/AddDestination", (context) => addDestination(context, false)),

  route("POST", "api/Accounts/CreateDestination", (context) => addDestination(context, true)),

  route("PUT", "api/Accounts/EditDestination", async ({ request, view }) => {
    const body = await readBody(request, msp360AccountDestinationChangeSchema, "destination");
    const account = requireAccount(view.data, body.AccountID);
    const destination = requireDestination(account, body.DestinationID);
    if (body.Destination && account.destinations.some((d) => d !== destination && d.bucket.toLowerCase() === body.Destination!.toLowerCase())) {
      throw badRequest(`Destination '${body.Destination}' already exists`);
    }
    if (body.Destination) destination.bucket = body.Destination;
    if (body.DestinationDisplayName) destination.displayName = body.DestinationDisplayName;
    return empty();
  }),

  route("PUT", "api/Accounts/RemoveDestination", async ({ request, view }) => {
    const body = await readBody(request, msp360AccountDestinationChangeSchema, "destination");
    const account = requireAccount(view.data, body.AccountID);
    const destination = requireDestination(account, body.DestinationID);
    const users = [...view.data.users.values()].filter((u) => u.destinations.some((d) => d.accountDestinationId === destination.id));
    if (users.length > 0) throw badRequest(`Destination '${destination.bucket}' is used by ${users.length} user(s)`);
    account.destinations = account.destinations.filter((d) => d !== destination);
    return empty();
  }),
];
