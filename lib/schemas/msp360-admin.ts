// MSP360 administration as the API takes and gives it: the vendor's own concepts (users, companies, storage
// packages, licenses, storage accounts and destinations, administrators, agent builds, computer authorization),
// read live from MSP360 and changed through its documented methods. Every form is checked by these schemas
// before anything is sent to MSP360.
import { z } from "zod";
import { MSP360_BUILD_EDITION, MSP360_STORAGE_ACCOUNT_TYPES } from "@/lib/vendors/msp360/schemas";

export { MSP360_STORAGE_ACCOUNT_TYPES };

const EDITION_LABELS: Record<string, string> = {
  Windows: "Windows",
  VirtualMachine: "Virtual machine",
  MacOS: "macOS",
  LinuxDeb: "Linux (DEB)",
  LinuxRpm: "Linux (RPM)",
  DedupServer: "Deduplication server",
};

export const MSP360_RESOURCES = ["users", "companies", "packages", "licenses", "accounts", "administrators", "builds"] as const;
export const msp360ResourceSchema = z.enum(MSP360_RESOURCES);
export type Msp360Resource = z.infer<typeof msp360ResourceSchema>;

const id = z.string().trim().min(1).max(100);
const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")).pipe(z.string().max(200));
const name = z.string().trim().min(1, "Enter a name.").max(200);
const optionalText = z.string().trim().max(200).optional();
const gigabytes = z.coerce.number().min(0, "Not negative.").max(1_000_000);

const bucketName = z.string().trim().min(1, "Enter the bucket's name.").max(255).regex(/^[^\s/\\]+$/, "No spaces or slashes.");
/** The naming rule S3, Google Cloud and Azure share for a new bucket or container. */
const NEW_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** MSP360's rules for a password it creates (the console's): at least 6 characters. */
const vendorPassword = z.string().min(6, "At least 6 characters.").max(100);

/** One schema per operation, so that each form checks exactly what its route will check. */
export const msp360Operations = {
  userCreate: z.object({
    operation: z.literal("user.create"),
    email,
    password: vendorPassword,
    firstName: optionalText,
    lastName: optionalText,
    company: optionalText,
    enabled: z.boolean().default(true),
    sendInstructions: z.boolean().default(false),
  }),
  userUpdate: z.object({ operation: z.literal("user.update"), id, email: email.optional(), firstName: optionalText, lastName: optionalText, company: optionalText, enabled: z.boolean(), password: vendorPassword.optional() }),
  /** "account": the login goes, its backup data stays in storage. "account-and-data": both go, for good. */
  userDelete: z.object({ operation: z.literal("user.delete"), id, mode: z.enum(["account", "account-and-data"]) }),
  companyCreate: z.object({ operation: z.literal("company.create"), name, storageLimitGb: gigabytes.optional() }),
  companyUpdate: z.object({ operation: z.literal("company.update"), id, name, storageLimitGb: gigabytes.optional() }),
  companyDelete: z.object({ operation: z.literal("company.delete"), id }),
  packageCreate: z.object({ operation: z.literal("package.create"), name, description: optionalText, costPerMonth: z.coerce.number().min(0).max(1_000_000), storageLimitGb: gigabytes }),
  packageUpdate: z.object({
    operation: z.literal("package.update"),
    id: z.coerce.number().int().positive(),
    name,
    description: optionalText,
    costPerMonth: z.coerce.number().min(0).max(1_000_000),
    storageLimitGb: gigabytes,
    enabled: z.boolean(),
  }),
  packageDelete: z.object({ operation: z.literal("package.delete"), id: z.coerce.number().int().positive() }),
  license: z.object({ operation: z.enum(["license.grant", "license.release", "license.revoke"]), licenseId: id, userId: id }),
  administratorCreate: z.object({
    operation: z.literal("administrator.create"),
    email,
    initialPassword: vendorPassword,
    firstName: optionalText,
    lastName: optionalText,
    enabled: z.boolean().default(true),
    sendInstruction: z.boolean().default(false),
  }),
  administratorUpdate: z.object({ operation: z.literal("administrator.update"), id, firstName: optionalText, lastName: optionalText, enabled: z.boolean() }),
  administratorDelete: z.object({ operation: z.literal("administrator.delete"), id }),
  accountCreate: z.object({
    operation: z.literal("account.create"),
    displayName: name,
    type: z.enum(MSP360_STORAGE_ACCOUNT_TYPES),
    /** The storage's own credentials (e.g. AccessKey, SecretKey): passed to MSP360, never kept or logged by the app. */
    settings: z.record(z.string().max(100), z.string().max(2000)).default({}),
  }),
  /** Renames a storage account or gives MSP360 new credentials for it; empty credentials keep the current ones. */
  accountUpdate: z.object({
    operation: z.literal("account.update"),
    accountId: id,
    displayName: name,
    type: z.enum(MSP360_STORAGE_ACCOUNT_TYPES),
    settings: z.record(z.string().max(100), z.string().max(2000)).default({}),
  }),
  /** A bucket (MSP360 calls it a destination) of a storage account: an existing one registered, or a new one made. */
  bucketAdd: z
    .object({ operation: z.literal("bucket.add"), accountId: id, bucket: bucketName, displayName: optionalText, create: z.boolean().default(false) })
    .refine((v) => !v.create || NEW_BUCKET.test(v.bucket), { message: "3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit.", path: ["bucket"] }),
  /** Points an account's destination at another bucket, or renames it. Another bucket leaves the backups already made in the old one behind. */
  bucketUpdate: z.object({ operation: z.literal("bucket.update"), accountId: id, destinationId: id, bucket: bucketName, displayName: optionalText }),
  bucketRemove: z.object({ operation: z.literal("bucket.remove"), accountId: id, destinationId: id }),
  destinationAdd: z.object({ operation: z.literal("destination.add"), userId: id, accountId: id, destination: name, packageId: z.coerce.number().int().positive() }),
  /** A user's destination gets another storage package (its quota). Only the package: the bucket stays, so no backup is left behind. */
  destinationUpdate: z.object({ operation: z.literal("destination.update"), userId: id, destinationId: id, packageId: z.coerce.number().int().positive() }),
  destinationRemove: z.object({ operation: z.literal("destination.remove"), userId: id, destinationId: id }),
  /** Authorizes a computer for a user, or for a new user of a company (MSP360 makes one). */
  computerAuthorize: z.object({ operation: z.literal("computer.authorize"), hid: id, userId: id.optional(), companyId: id.optional() }).refine((v) => v.userId || v.companyId, {
    message: "Choose a user or a company.",
    path: ["userId"],
  }),
  computerDeauthorize: z.object({ operation: z.literal("computer.deauthorize"), hid: id }),
  /** Erases a computer's backups for good. `computerName` is the name the admin typed to confirm; it must still be the computer's. */
  computerErase: z.object({ operation: z.literal("computer.erase"), hid: id, computerName: name }),
  buildsRequest: z.object({ operation: z.literal("builds.request"), editions: z.array(z.number().int().min(0)).min(1, "Choose at least one edition."), sandbox: z.boolean().default(false) }),
};

export const msp360OperationSchema = z.discriminatedUnion("operation", [
  msp360Operations.userCreate,
  msp360Operations.userUpdate,
  msp360Operations.userDelete,
  msp360Operations.companyCreate,
  msp360Operations.companyUpdate,
  msp360Operations.companyDelete,
  msp360Operations.packageCreate,
  msp360Operations.packageUpdate,
  msp360Operations.packageDelete,
  msp360Operations.license,
  msp360Operations.administratorCreate,
  msp360Operations.administratorUpdate,
  msp360Operations.administratorDelete,
  msp360Operations.accountCreate,
  msp360Operations.accountUpdate,
  msp360Operations.bucketAdd,
  msp360Operations.bucketUpdate,
  msp360Operations.bucketRemove,
  msp360Operations.destinationAdd,
  msp360Operations.destinationUpdate,
  msp360Operations.destinationRemove,
  msp360Operations.computerAuthorize,
  msp360Operations.computerDeauthorize,
  msp360Operations.computerErase,
  msp360Operations.buildsRequest,
]);
export type Msp360Operation = z.infer<typeof msp360OperationSchema>;

/** The agent editions MSP360 builds (RequestCustomBuilds' Editions), in words. */
export const MSP360_BUILD_EDITIONS = Object.entries(MSP360_BUILD_EDITION).map(([key, value]) => ({ value, label: EDITION_LABELS[key] ?? key }));

/** A build's type (MSP360 names it as the edition: "MacOS", "LinuxDeb"…) in words. */
export const msp360BuildLabel = (type: string) => EDITION_LABELS[type] ?? type.replace(/([a-z0-9])([A-Z])/g, "$1 $2");

export const msp360OperationResultSchema = z.object({ message: z.string(), id: z.string().nullable() });

// ---------------------------------------------------------------------------------------------- lists

const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  company: z.string().nullable(),
  enabled: z.boolean(),
  spaceUsedBytes: z.number(),
  destinations: z.array(z.object({ id: z.string(), accountId: z.string(), account: z.string(), bucket: z.string(), destination: z.string(), packageId: z.number(), bytes: z.number() })),
});
const company = z.object({ id: z.string(), name: z.string(), storageLimitBytes: z.number().nullable(), licenseSettings: z.string() });
const storagePackage = z.object({ id: z.number(), name: z.string(), description: z.string().nullable(), costPerMonth: z.number(), storageLimitGb: z.number(), enabled: z.boolean() });
const license = z.object({
  id: z.string(),
  number: z.number(),
  type: z.string(),
  trial: z.boolean(),
  taken: z.boolean(),
  user: z.string().nullable(),
  userId: z.string().nullable(),
  computer: z.string().nullable(),
  expires: z.string().nullable(),
});
const account = z.object({
  id: z.string(),
  name: z.string(),
  /** MSP360's own name of the storage (one of MSP360_STORAGE_ACCOUNT_TYPES); storageType is it in words. */
  type: z.string(),
  storageType: z.string(),
  created: z.string().nullable(),
  destinations: z.array(z.object({ id: z.string(), bucket: z.string(), name: z.string() })),
});
const administrator = z.object({ id: z.string(), email: z.string(), name: z.string(), firstName: z.string(), lastName: z.string(), enabled: z.boolean(), lastLogin: z.string().nullable(), companies: z.array(z.string()) });
const build = z.object({ type: z.string(), version: z.string(), downloadUrl: z.string().nullable() });

export const msp360ListSchemas = {
  users: z.array(user),
  companies: z.array(company),
  packages: z.array(storagePackage),
  licenses: z.array(license),
  accounts: z.array(account),
  administrators: z.array(administrator),
  builds: z.array(build),
} as const;

export const msp360ListSchema = z.object({
  resource: msp360ResourceSchema,
  items: z.union([
    msp360ListSchemas.users,
    msp360ListSchemas.companies,
    msp360ListSchemas.packages,
    msp360ListSchemas.licenses,
    msp360ListSchemas.accounts,
    msp360ListSchemas.administrators,
    msp360ListSchemas.builds,
  ]),
  readAt: z.string(),
});

export type Msp360UserDto = z.infer<typeof user>;
export type Msp360CompanyDto = z.infer<typeof company>;
export type Msp360PackageDto = z.infer<typeof storagePackage>;
export type Msp360LicenseDto = z.infer<typeof license>;
export type Msp360AccountDto = z.infer<typeof account>;
export type Msp360AdministratorDto = z.infer<typeof administrator>;
export type Msp360BuildDto = z.infer<typeof build>;

export type Msp360ListSchemas = typeof msp360ListSchemas;
