// Writes shared by several routes: lookups by name, creating ids, and removing computers and users
// without leaving licenses or computers pointing at nothing.
import type { AccountDestination, Company, Computer, ProviderData, StorageAccount, User } from "./model";

export function newId(data: ProviderData): string {
  return data.ids.uuid();
}

export function findUserByEmail(data: ProviderData, email: string): User | undefined {
  const wanted = email.trim().toLowerCase();
  for (const user of data.users.values()) if (user.email.toLowerCase() === wanted) return user;
  return undefined;
}

export function findCompanyByName(data: ProviderData, name: string): Company | undefined {
  const wanted = name.trim().toLowerCase();
  for (const company of data.companies.values()) if (company.name.toLowerCase() === wanted) return company;
  return undefined;
}

export function createCompany(data: ProviderData, name: string): Company {
  const company: Company = {
    id: newId(data),
    name: name.trim(),
    domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "company"}.com`,
    storageLimit: -1,
    licenseSettings: 0,
    destinations: [],
    defaultLicense: null,
    allowedLicenses: [],
  };
  data.companies.set(company.id, company);
  return company;
}

/**
 * The company a user's `Company` field names. Companies used to be free text in MBS, so an unknown name
 * creates the company rather than failing (the simulator's choice). "" or null means no company.
 */
export function companyIdForName(data: ProviderData, name: string | null | undefined): string | null {
  if (!name || !name.trim()) return null;
  return (findCompanyByName(data, name) ?? createCompany(data, name)).id;
}

export function findAccountDestination(
  data: ProviderData,
  accountId: string,
  bucket: string,
): { account: StorageAccount; destination: AccountDestination } | undefined {
  const account = data.accounts.get(accountId.toLowerCase());
  const destination = account?.destinations.find((d) => d.bucket.toLowerCase() === bucket.toLowerCase());
  return account && destination ? { account, destination } : undefined;
}

/** Frees the licenses bound to a computer. */
function unbindLicenses(data: ProviderData, hid: string): void {
  for (const license of data.licenses.values()) if (license.computerHid === hid) license.computerHid = null;
}

export function removeComputer(data: ProviderData, computer: Computer): void {
  const index = data.computers.indexOf(computer);
  if (index >= 0) data.computers.splice(index, 1);
  data.computersByHid.delete(computer.hid);
  unbindLicenses(data, computer.hid);
}

/**
 * Deletes a user. With `deleteData` its computers go too (DELETE api/Users/{id}); without, they stay as
 * unauthorized endpoints (DELETE api/Users/{id}/Account keeps the backups). Its licenses return to the pool.
 */
export function removeUser(data: ProviderData, user: User, deleteData: boolean, now: number): void {
  for (const computer of [...data.computers]) {
    if (computer.userId !== user.id) continue;
    if (deleteData) {
      removeComputer(data, computer);
    } else {
      computer.userId = null;
      computer.userDestinationId = null;
      computer.lostAuth = true;
      computer.authChangedAt = now;
    }
  }
  for (const license of data.licenses.values()) {
    if (license.userId !== user.id) continue;
    license.userId = null;
    license.computerHid = null;
  }
  data.users.delete(user.id);
}
