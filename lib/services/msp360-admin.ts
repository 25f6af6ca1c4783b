// MSP360 administration: reads MSP360 live (kept a short while, so a page that refreshes does not ask again) and
// writes through its documented methods. Each change is audited and the account is synced again afterwards, so
// the rest of the app sees it. The vendor's answers are shown in words; its secrets (passwords, storage keys)
// pass through to MSP360 and are never kept or logged.
import "server-only";
import { LRUCache } from "lru-cache";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { Msp360ListSchemas, Msp360Operation, Msp360Resource } from "@/lib/schemas/msp360-admin";
import { adapterFor } from "@/lib/sync/runtime";
import type { Msp360Adapter } from "@/lib/vendors/msp360/adapter";
import type { Msp360Client } from "@/lib/vendors/msp360/client";
import { msp360Date } from "@/lib/vendors/msp360/map";
import { MSP360_COMPANY_LICENSE_SETTINGS, MSP360_STORAGE_ACCOUNT_TYPES } from "@/lib/vendors/msp360/schemas";
import { recordAudit } from "./audit";
import { startSyncNow } from "./sync-now";

/** MSP360 administration changes rarely and is read on demand: half a minute is fresh enough. */
const LIST_CACHE_MS = 30_000;
const GB = 1024 ** 3;

const cache = new LRUCache<string, Promise<unknown>>({ max: 200, ttl: LIST_CACHE_MS });

async function clientFor(connectionId: string): Promise<Msp360Client> {
  const connection = await db().connection.findUnique({ where: { id: connectionId } });
  if (!connection) throw new AppError("not_found", "No such connection.");
  if (connection.vendor !== "msp360") throw new AppError("not_found", "This connection is not an MSP360 account.");
  return ((await adapterFor(connection)) as Msp360Adapter).client;
}

const fullName = (first: string | null | undefined, last: string | null | undefined, fallback: string) => [first, last].filter(Boolean).join(" ").trim() || fallback;
const isoOf = (value: string | null | undefined) => msp360Date(value)?.toISOString() ?? null;
const LICENSE_SETTINGS = Object.fromEntries(Object.entries(MSP360_COMPANY_LICENSE_SETTINGS).map(([label, value]) => [value, label.replace(/([a-z])([A-Z])/g, "$1 $2")]));

type Lists = { [K in keyof Msp360ListSchemas]: import("zod").infer<Msp360ListSchemas[K]> };

async function read<R extends Msp360Resource>(client: Msp360Client, resource: R): Promise<Lists[R]> {
  switch (resource) {
    case "users":
      return (await client.listUsers()).map((u) => ({
        id: u.ID,
        email: u.Email,
        name: fullName(u.FirstName, u.LastName, u.Email),
        firstName: u.FirstName ?? "",
        lastName: u.LastName ?? "",
        company: u.Company || null,
        enabled: u.Enabled,
        spaceUsedBytes: u.SpaceUsed,
        destinations: (u.DestinationList ?? []).map((d) => ({
          id: d.ID,
          accountId: d.AccountID,
          account: d.AccountDisplayName ?? "Storage account",
          bucket: d.Destination,
          destination: d.DestinationDisplayName ?? d.Destination,
          packageId: d.PackageID,
          bytes: d.CurrentVolume,
        })),
      })) as Lists[R];
    case "companies":
      return (await client.listCompanies()).map((c) => ({ id: c.Id, name: c.Name, storageLimitBytes: c.StorageLimit < 0 ? null : c.StorageLimit, licenseSettings: LICENSE_SETTINGS[c.LicenseSettings] ?? "Custom" })) as Lists[R];
    case "packages":
      return (await client.listPackages()).map((p) => ({ id: p.ID, name: p.Name, description: p.Description, costPerMonth: p.Cost, storageLimitGb: p.StorageLimit, enabled: p.Enabled })) as Lists[R];
    case "licenses":
      return (await client.listLicenses()).map((l) => ({
        id: l.ID,
        number: l.Number,
        type: l.LicenseType,
        trial: l.IsTrial,
        taken: l.IsTaken,
        user: l.User,
        userId: l.UserID,
        computer: l.ComputerName,
        expires: isoOf(l.DateExpired),
      })) as Lists[R];
    case "accounts":
      return (await client.listAccounts()).map((a) => ({
        id: a.AccountID,
        name: a.DisplayName,
        type: a.StorageType,
        storageType: a.StorageType.replace(/([a-z])([A-Z])/g, "$1 $2"),
        created: isoOf(a.DateCreated),
        destinations: (a.Destinations ?? []).map((d) => ({ id: d.DestinationID, bucket: d.Destination, name: d.DestinationDisplayName ?? d.Destination })),
      })) as Lists[R];
    case "administrators":
      return (await client.listAdministrators()).map((a) => ({ id: a.AdminID, email: a.Email, name: fullName(a.FirstName, a.LastName, a.Email), firstName: a.FirstName ?? "", lastName: a.LastName ?? "", enabled: a.Enabled, lastLogin: isoOf(a.LastLogin), companies: a.Companies ?? [] })) as Lists[R];
    case "builds":
      return (await client.listBuilds()).map((b) => ({ type: b.Type, version: b.Version, downloadUrl: b.DownloadLink })) as Lists[R];
  }
  throw new AppError("not_found", "No such MSP360 resource.");
}

export async function msp360List(connectionId: string, resource: Msp360Resource): Promise<{ resource: Msp360Resource; items: Lists[Msp360Resource]; readAt: string }> {
  const key = `${connectionId}:${resource}`;
  let pending = cache.get(key) as Promise<{ resource: Msp360Resource; items: Lists[Msp360Resource]; readAt: string }> | undefined;
  if (!pending) {
    pending = clientFor(connectionId).then(async (client) => ({ resource, items: await read(client, resource), readAt: new Date().toISOString() }));
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

/** What the audit log keeps of an operation: never a password or a storage key. */
function auditable(operation: Msp360Operation): Record<string, unknown> {
  const { password: _p, initialPassword: _i, settings, ...rest } = operation as Record<string, unknown>;
  return settings ? { ...rest, settings: Object.keys(settings as object) } : rest;
}

async function perform(client: Msp360Client, op: Msp360Operation): Promise<{ message: string; id: string | null }> {
  switch (op.operation) {
    case "user.create": {
      const id = await client.createUser({
        Email: op.email,
        Password: op.password,
        Enabled: op.enabled,
        FirstName: op.firstName ?? null,
        LastName: op.lastName ?? null,
        Company: op.company ?? null,
        SendEmailInstruction: op.sendInstructions,
      });
      return { message: `User ${op.email} created at MSP360.`, id };
    }
    case "user.update":
      await client.updateUser({ ID: op.id, Enabled: op.enabled, Email: op.email, FirstName: op.firstName, LastName: op.lastName, Company: op.company, Password: op.password });
      return { message: op.enabled ? "User saved." : "User saved and disabled: its computers stop backing up until it is enabled.", id: op.id };
    case "user.delete":
      if (op.mode === "account") await client.deleteUserAccount(op.id);
      else await client.deleteUserWithData(op.id);
      return { message: op.mode === "account" ? "User account deleted; its backup data stays in storage." : "User deleted together with all its backup data.", id: op.id };
    case "company.create":
      return { message: `Company ${op.name} created at MSP360.`, id: await client.createCompany({ Name: op.name, StorageLimit: op.storageLimitGb === undefined ? -1 : op.storageLimitGb * GB }) };
    case "company.update":
      await client.updateCompany({ Id: op.id, Name: op.name, StorageLimit: op.storageLimitGb === undefined ? -1 : op.storageLimitGb * GB });
      return { message: "Company saved.", id: op.id };
    case "company.delete":
      await client.deleteCompany(op.id);
      return { message: "Company deleted.", id: op.id };
    case "package.create":
      return { message: `Storage package ${op.name} created.`, id: String(await client.createPackage({ Name: op.name, Description: op.description ?? null, Cost: op.costPerMonth, StorageLimit: op.storageLimitGb })) };
    case "package.update":
      await client.updatePackage({ ID: op.id, Name: op.name, Description: op.description ?? null, Cost: op.costPerMonth, StorageLimit: op.storageLimitGb, Enabled: op.enabled });
      return { message: "Storage package saved.", id: String(op.id) };
    case "package.delete":
      await client.deletePackage(op.id);
      return { message: "Storage package deleted.", id: String(op.id) };
    case "license.grant":
      await client.grantLicense({ LicenseID: op.licenseId, UserID: op.userId });
      return { message: "License granted to the user.", id: op.licenseId };
    case "license.release":
      await client.releaseLicense({ LicenseID: op.licenseId, UserID: op.userId });
      return { message: "License taken back into the pool.", id: op.licenseId };
    case "license.revoke":
      await client.revokeLicense({ LicenseID: op.licenseId, UserID: op.userId });
      return { message: "License freed from its computer; the user keeps it.", id: op.licenseId };
    case "administrator.create":
      return {
        message: `Administrator ${op.email} created at MSP360.`,
        id: await client.createAdministrator({ Email: op.email, InitialPassword: op.initialPassword, FirstName: op.firstName ?? null, LastName: op.lastName ?? null, Enabled: op.enabled, SendInstruction: op.sendInstruction }),
      };
    case "administrator.update":
      await client.updateAdministrator({ AdminID: op.id, FirstName: op.firstName ?? null, LastName: op.lastName ?? null, Enabled: op.enabled });
      return { message: "Administrator saved.", id: op.id };
    case "administrator.delete":
      await client.deleteAdministrator(op.id);
      return { message: "Administrator deleted.", id: op.id };
    case "account.create":
      await client.createAccount({ DisplayName: op.displayName, Type: MSP360_STORAGE_ACCOUNT_TYPES.indexOf(op.type), AccountSettings: op.settings });
      return { message: `Storage account ${op.displayName} created.`, id: null };
    case "account.update":
      // No credentials typed: none sent, so MSP360 keeps the ones it has.
      await client.updateAccount({
        AccountID: op.accountId,
        DisplayName: op.displayName,
        Type: MSP360_STORAGE_ACCOUNT_TYPES.indexOf(op.type),
        ...(Object.keys(op.settings).length > 0 ? { AccountSettings: op.settings } : {}),
      });
      return { message: Object.keys(op.settings).length > 0 ? "Storage account saved with its new credentials." : "Storage account saved.", id: op.accountId };
    case "bucket.add": {
      const body = { AccountID: op.accountId, Destination: op.bucket, DestinationDisplayName: op.displayName ?? null };
      if (op.create) await client.createAccountDestination(body);
      else await client.addAccountDestination(body);
      return { message: op.create ? `Bucket ${op.bucket} created in the storage account.` : `Bucket ${op.bucket} added to the storage account.`, id: op.accountId };
    }
    case "bucket.update": {
      const current = await accountDestination(client, op.accountId, op.destinationId);
      await client.editAccountDestination({ DestinationID: op.destinationId, AccountID: op.accountId, Destination: op.bucket, DestinationDisplayName: op.displayName ?? op.bucket });
      const moved = current.Destination.toLowerCase() !== op.bucket.toLowerCase();
      return { message: moved ? `Destination now points at bucket ${op.bucket}; the backups already in ${current.Destination} stay there.` : "Bucket saved.", id: op.destinationId };
    }
    case "bucket.remove": {
      const current = await accountDestination(client, op.accountId, op.destinationId);
      await client.removeAccountDestination({ DestinationID: op.destinationId, AccountID: op.accountId, Destination: current.Destination, DestinationDisplayName: current.DestinationDisplayName });
      return { message: `Bucket ${current.Destination} removed from the storage account; the bucket and its data stay at the storage provider.`, id: op.destinationId };
    }
    case "destination.update": {
      // Only the package changes: the account and bucket are read back from MSP360 and sent unchanged, so no backup is stranded.
      const user = await client.getUser(op.userId);
      const current = user?.DestinationList?.find((d) => d.ID.toLowerCase() === op.destinationId.toLowerCase());
      if (!user || !current) throw new AppError("not_found", "MSP360 no longer lists this destination for the user; reload the page.");
      await client.updateUserDestination({ ID: current.ID, UserID: user.ID, AccountID: current.AccountID, Destination: current.Destination, PackageID: op.packageId });
      return { message: "The destination's storage package is changed; its backups stay where they are.", id: op.userId };
    }
    case "destination.add":
      await client.addUserDestination({ UserID: op.userId, AccountID: op.accountId, Destination: op.destination, PackageID: op.packageId });
      return { message: "Backup destination added to the user.", id: op.userId };
    case "destination.remove":
      await client.removeUserDestination(op.destinationId, op.userId);
      return { message: "Backup destination removed from the user.", id: op.userId };
    case "computer.authorize": {
      const result = await client.authorizeComputer(op.hid, { UserId: op.userId ?? null, CompanyId: op.companyId ?? null });
      if (result.ResultCode !== 0) throw new AppError("conflict", `MSP360 did not authorize the computer: ${result.ErrorMessage || `result code ${result.ResultCode}`}.`);
      return { message: "Computer authorized: it backs up again.", id: op.hid };
    }
    case "computer.deauthorize": {
      const result = await client.deauthorizeComputer(op.hid);
      if (result.ResultCode !== 0) throw new AppError("conflict", `MSP360 did not deauthorize the computer: ${result.ErrorMessage || `result code ${result.ResultCode}`}.`);
      return { message: "Computer deauthorized: it backs up no more until authorized again.", id: op.hid };
    }
    case "computer.erase": {
      const computer = await client.getComputer(op.hid);
      if (!computer) throw new AppError("not_found", "MSP360 no longer lists this computer; reload the page.");
      const typed = op.computerName.trim().toLowerCase();
      if (typed !== computer.ComputerName.toLowerCase() && typed !== computer.ComputerDisplayName.toLowerCase()) {
        throw new AppError("conflict", `MSP360 now names this computer "${computer.ComputerDisplayName || computer.ComputerName}"; nothing was erased. Check it is the right computer and confirm again.`);
      }
      if (!computer.UserID) throw new AppError("conflict", "The computer belongs to no MSP360 user any more, so MSP360 holds no backups of it under a user; nothing was erased.");
      const stored = (await client.listUserComputers(computer.UserID)).filter((c) => c.ComputerName.toLowerCase() === computer.ComputerName.toLowerCase());
      if (stored.length === 0) throw new AppError("conflict", "MSP360 holds no backup data for this computer; nothing was erased.");
      await client.deleteUserComputers(computer.UserID, stored.map((c) => ({ DestinationId: c.DestinationId, ComputerName: c.ComputerName })));
      return { message: `${computer.ComputerDisplayName || computer.ComputerName} and all its backups are erased at MSP360.`, id: op.hid };
    }
    case "builds.request":
      await client.requestCustomBuilds({ Editions: op.editions, Type: op.sandbox ? 1 : 0 });
      return { message: "MSP360 is making the builds; their download links appear under Builds when they are ready.", id: null };
  }
}

/** A storage account's destination (bucket) as MSP360 has it now. */
async function accountDestination(client: Msp360Client, accountId: string, destinationId: string) {
  const account = await client.getAccount(accountId);
  const destination = account?.Destinations?.find((d) => d.DestinationID.toLowerCase() === destinationId.toLowerCase());
  if (!destination) throw new AppError("not_found", "MSP360 no longer lists this bucket in the storage account; reload the page.");
  return destination;
}

/** Which cached lists an operation changes. */
const TOUCHES: Record<string, Msp360Resource[]> = {
  user: ["users", "licenses"],
  company: ["companies", "users"],
  package: ["packages"],
  license: ["licenses", "users"],
  administrator: ["administrators"],
  account: ["accounts"],
  bucket: ["accounts", "users"],
  destination: ["users", "accounts"],
  computer: ["users", "licenses"],
  builds: ["builds"],
};

export async function msp360Operate(actor: Actor, connectionId: string, operation: Msp360Operation): Promise<{ message: string; id: string | null }> {
  const client = await clientFor(connectionId);
  const target = { type: "msp360", id: connectionId, label: operation.operation };
  try {
    const result = await perform(client, operation);
    await recordAudit(actor, { action: `msp360.${operation.operation}`, outcome: "success", target, details: { ...auditable(operation), resultId: result.id } });
    for (const resource of TOUCHES[operation.operation.split(".")[0]!] ?? []) cache.delete(`${connectionId}:${resource}`);
    void startSyncNow(connectionId).catch((error: unknown) => logger.warn({ err: error, connectionId }, "the sync after an MSP360 change did not start"));
    return result;
  } catch (error) {
    await recordAudit(actor, { action: `msp360.${operation.operation}`, outcome: "failure", target, details: { ...auditable(operation), message: error instanceof Error ? error.message : String(error) } });
    throw error;
  }
}
