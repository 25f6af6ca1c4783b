"use client";
// MSP360 storage accounts (the clouds backups go to) with their buckets, and users' destinations (a bucket of an
// account, with a package). Changes that would leave backups behind say so and are confirmed by typing.
import { useState } from "react";
import { FolderCogIcon, PencilIcon, PlusIcon, TriangleAlertIcon, XIcon } from "lucide-react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { formatBytes, formatDateTime } from "@/lib/format";
import { useMsp360List, useMsp360Operate, type Msp360AccountDto, type Msp360UserDto } from "@/lib/queries/msp360-admin";
import { MSP360_STORAGE_ACCOUNT_TYPES, msp360Operations } from "@/lib/schemas/msp360-admin";
import { blank, QueryTable, TabIntro } from "./list-card";
import { ConfirmOperation, FormButtons, FormDialog, FormError, problemOf, useOperationForm } from "./operation-form";

const typeLabel = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, "$1 $2");

/** The storage's own credentials, typed as `Key=Value` lines: passed to MSP360, never kept by this app. */
function parseSettings(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

type Bucket = Msp360AccountDto["destinations"][number];

/** The users whose destination is this bucket of this account. */
const usersOf = (users: Msp360UserDto[] | undefined, accountId: string, bucket: string) =>
  (users ?? []).filter((user) => user.destinations.some((d) => d.accountId === accountId && d.bucket.toLowerCase() === bucket.toLowerCase()));

/** Adds a storage account, or edits one: its name, and new credentials when typed (none typed keeps the current ones). */
function AccountForm({ connectionId, account, onDone }: { connectionId: string; account: Msp360AccountDto | null; onDone: () => void }) {
  const operate = useMsp360Operate(connectionId);
  const [values, setValues] = useState({ displayName: account?.name ?? "", type: account?.type ?? "AmazonS3", settings: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    const fields = { displayName: values.displayName, type: values.type, settings: parseSettings(values.settings) };
    // The same schema the route checks with, before anything is sent.
    const parsed = account
      ? msp360Operations.accountUpdate.safeParse({ operation: "account.update", accountId: account.id, ...fields })
      : msp360Operations.accountCreate.safeParse({ operation: "account.create", ...fields });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    try {
      toast.success((await operate.mutateAsync(parsed.data)).message);
      onDone();
    } catch (error) {
      setProblem(problemOf(error));
    }
  }
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={problem} />
      <FormField id="account-name" label="Display name" error={errors.displayName}>
        <Input id="account-name" value={values.displayName} aria-invalid={!!errors.displayName} onChange={(e) => setValues({ ...values, displayName: e.target.value })} />
      </FormField>
      <FormField id="account-type" label="Storage" hint={account ? "An account stays with its storage provider; add another account for another provider." : undefined} error={errors.type}>
        <NativeSelect id="account-type" value={values.type} disabled={account !== null} onChange={(e) => setValues({ ...values, type: e.target.value })}>
          {MSP360_STORAGE_ACCOUNT_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField
        id="account-settings"
        label={account ? "New storage credentials" : "Storage credentials"}
        hint={`One per line, as MSP360 names them: AccessKey=…, SecretKey=…. ${account ? "Leave empty to keep the current ones. " : ""}Sent to MSP360 only; this app keeps none.`}
        error={errors.settings}
      >
        <textarea
          id="account-settings"
          rows={3}
          spellCheck={false}
          autoComplete="off"
          className="rounded-md border border-input bg-card px-3 py-2 font-mono text-sm"
          value={values.settings}
          onChange={(e) => setValues({ ...values, settings: e.target.value })}
        />
      </FormField>
      <FormButtons onCancel={onDone} pending={operate.isPending} label={account ? "Save storage account" : "Add storage account"} />
    </form>
  );
}

/** Registers a bucket that exists at the storage provider, or has MSP360 create a new one. */
function AddBucketForm({ connectionId, account, onDone }: { connectionId: string; account: Msp360AccountDto; onDone: () => void }) {
  const { form, submit, formError, pending } = useOperationForm(connectionId, msp360Operations.bucketAdd, { operation: "bucket.add", accountId: account.id, bucket: "", displayName: "", create: false }, onDone);
  const { errors } = form.formState;
  const create = form.watch("create");
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <fieldset className="grid gap-2 text-sm">
        <legend className="mb-1 font-medium">The bucket</legend>
        <label className="flex items-center gap-2">
          <input type="radio" className="size-4" checked={!create} onChange={() => form.setValue("create", false)} />
          Already exists at the storage provider
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" className="size-4" checked={!!create} onChange={() => form.setValue("create", true)} />
          New: MSP360 creates it
        </label>
      </fieldset>
      <FormField id="bucket-name" label="Bucket or container name" hint={create ? "3 to 63 lowercase letters, digits, dots or hyphens." : "Exactly as the storage provider names it."} error={errors.bucket?.message}>
        <Input id="bucket-name" autoComplete="off" aria-invalid={!!errors.bucket} {...form.register("bucket")} />
      </FormField>
      <FormField id="bucket-display" label="Display name" hint="Optional; shown in MSP360 instead of the bucket's name." error={errors.displayName?.message}>
        <Input id="bucket-display" {...form.register("displayName", { setValueAs: blank })} />
      </FormField>
      <FormButtons onCancel={onDone} pending={pending} label={create ? "Create bucket" : "Add bucket"} />
    </form>
  );
}

/** Renames a bucket, or points it at another bucket: then the users' backups made so far stay behind in the old one. */
function EditBucketForm({ connectionId, account, bucket, users, onDone }: { connectionId: string; account: Msp360AccountDto; bucket: Bucket; users: Msp360UserDto[]; onDone: () => void }) {
  const { form, submit, formError, pending } = useOperationForm(
    connectionId,
    msp360Operations.bucketUpdate,
    { operation: "bucket.update", accountId: account.id, destinationId: bucket.id, bucket: bucket.bucket, displayName: bucket.name === bucket.bucket ? "" : bucket.name },
    onDone,
  );
  const { errors } = form.formState;
  const [typed, setTyped] = useState("");
  const next = (form.watch("bucket") ?? "").trim();
  const moving = next !== "" && next.toLowerCase() !== bucket.bucket.toLowerCase();
  const confirmed = !moving || users.length === 0 || typed.trim() === next;
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <p className="text-sm text-muted-foreground">
        Bucket <span className="font-mono text-foreground">{bucket.bucket}</span>: {users.length === 0 ? "no user backs up here." : users.length === 1 ? "1 user backs up here." : `${users.length} users back up here.`}
      </p>
      <FormError message={formError} />
      <FormField id="edit-bucket-display" label="Display name" error={errors.displayName?.message}>
        <Input id="edit-bucket-display" {...form.register("displayName", { setValueAs: blank })} />
      </FormField>
      <FormField id="edit-bucket-name" label="Bucket or container name" hint="Change it only to move this destination to another bucket." error={errors.bucket?.message}>
        <Input id="edit-bucket-name" autoComplete="off" aria-invalid={!!errors.bucket} {...form.register("bucket")} />
      </FormField>
      {moving && users.length > 0 ? (
        <Alert variant="destructive">
          <TriangleAlertIcon aria-hidden />
          <div className="grid gap-2">
            <p>
              {users.length === 1 ? "1 user backs" : `${users.length} users back`} up to <span className="font-mono">{bucket.bucket}</span>. After the move their computers back up to{" "}
              <span className="font-mono">{next}</span> from scratch, and the backups already in <span className="font-mono">{bucket.bucket}</span> stay there, out of reach of restores from MSP360.
            </p>
            <label htmlFor="confirm-bucket-move" className="font-medium">
              Type <span className="font-mono">{next}</span> to move anyway
            </label>
            <Input id="confirm-bucket-move" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </div>
        </Alert>
      ) : null}
      <FormButtons onCancel={onDone} pending={pending} disabled={!confirmed} destructive={moving && users.length > 0} label={moving ? `Move to ${next}` : "Save bucket"} />
    </form>
  );
}

/** An account's buckets: add, rename or move, remove. */
function BucketsDialog({ connectionId, account, users, onClose }: { connectionId: string; account: Msp360AccountDto; users: Msp360UserDto[] | undefined; onClose: () => void }) {
  const [view, setView] = useState<{ kind: "list" } | { kind: "add" } | { kind: "edit"; bucket: Bucket }>({ kind: "list" });
  const [removing, setRemoving] = useState<Bucket | null>(null);
  const back = () => setView({ kind: "list" });
  return (
    <FormDialog open onOpenChange={(open) => !open && onClose()} title={`Buckets of ${account.name}`} description="Where this account's backups go. A user backs up to one of them through a destination (Users' backup destinations).">
      {view.kind === "add" ? (
        <AddBucketForm connectionId={connectionId} account={account} onDone={back} />
      ) : view.kind === "edit" ? (
        <EditBucketForm connectionId={connectionId} account={account} bucket={view.bucket} users={usersOf(users, account.id, view.bucket.bucket)} onDone={back} />
      ) : (
        <div className="grid gap-3">
          <ul className="grid divide-y rounded-md border">
            {account.destinations.map((bucket) => {
              const using = usersOf(users, account.id, bucket.bucket).length;
              return (
                <li key={bucket.id} className="flex items-center gap-2 px-3 py-2 text-sm">
                  <div className="min-w-0 flex-1">
                    <div className="truncate font-medium">{bucket.name}</div>
                    <div className="truncate text-xs text-muted-foreground">
                      {bucket.name !== bucket.bucket ? <span className="font-mono">{bucket.bucket} · </span> : null}
                      {using === 0 ? "No user backs up here" : using === 1 ? "1 user backs up here" : `${using} users back up here`}
                    </div>
                  </div>
                  <Button size="sm" variant="ghost" aria-label={`Edit bucket ${bucket.bucket}`} onClick={() => setView({ kind: "edit", bucket })}>
                    <PencilIcon aria-hidden />
                  </Button>
                  {/* MSP360 refuses to remove a bucket a user backs up to: say so instead of asking it. */}
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-destructive"
                    disabled={using > 0}
                    title={using > 0 ? "Users back up here: remove it from them first (Users' backup destinations)." : undefined}
                    aria-label={`Remove bucket ${bucket.bucket}`}
                    onClick={() => setRemoving(bucket)}
                  >
                    <XIcon aria-hidden />
                  </Button>
                </li>
              );
            })}
            {account.destinations.length === 0 ? <li className="px-3 py-6 text-center text-sm text-muted-foreground">No bucket yet.</li> : null}
          </ul>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="outline" onClick={onClose}>
              Close
            </Button>
            <Button onClick={() => setView({ kind: "add" })}>
              <PlusIcon aria-hidden />
              Add bucket
            </Button>
          </div>
        </div>
      )}
      {removing ? (
        <ConfirmOperation
          connectionId={connectionId}
          onClose={() => setRemoving(null)}
          title={`Remove bucket ${removing.bucket} from ${account.name}?`}
          consequence="MSP360 stops offering it as a destination. The bucket and whatever is in it stay at the storage provider."
          confirmName={removing.bucket}
          operation={{ operation: "bucket.remove", accountId: account.id, destinationId: removing.id }}
          label="Remove bucket"
        />
      ) : null}
    </FormDialog>
  );
}

function AddDestinationForm({ connectionId, onDone }: { connectionId: string; onDone: () => void }) {
  const users = useMsp360List(connectionId, "users");
  const accounts = useMsp360List(connectionId, "accounts");
  const { form, submit, formError, pending } = useOperationForm(
    connectionId,
    msp360Operations.destinationAdd,
    { operation: "destination.add", userId: "", accountId: "", destination: "", packageId: undefined as unknown as number },
    onDone,
  );
  const { errors } = form.formState;
  const accountId = form.watch("accountId");
  const account = accounts.data?.items.find((a) => a.id === accountId);
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <FormField id="destination-user" label="User" error={errors.userId ? "Choose a user." : undefined}>
        <NativeSelect id="destination-user" aria-invalid={!!errors.userId} {...form.register("userId")}>
          <option value="">Choose a user…</option>
          {(users.data?.items ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {user.email}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="destination-account" label="Storage account" error={errors.accountId ? "Choose a storage account." : undefined}>
        <NativeSelect id="destination-account" aria-invalid={!!errors.accountId} {...form.register("accountId")}>
          <option value="">Choose an account…</option>
          {(accounts.data?.items ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.storageType})
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="destination-name" label="Bucket or container" hint={account?.destinations.length ? `In this account: ${account.destinations.map((d) => d.bucket).join(", ")}` : undefined} error={errors.destination?.message}>
        <Input id="destination-name" list="destination-names" aria-invalid={!!errors.destination} {...form.register("destination")} />
        <datalist id="destination-names">
          {(account?.destinations ?? []).map((d) => (
            <option key={d.id} value={d.bucket} />
          ))}
        </datalist>
      </FormField>
      <PackageField connectionId={connectionId} id="destination-package" error={errors.packageId ? "Choose a package." : undefined} {...form.register("packageId")} />
      <FormButtons onCancel={onDone} pending={pending} label="Add destination" />
    </form>
  );
}

/** The enabled storage packages to choose from. */
function PackageField({ connectionId, id, error, ...select }: { connectionId: string; id: string; error?: string } & React.ComponentProps<"select">) {
  const packages = useMsp360List(connectionId, "packages");
  return (
    <FormField id={id} label="Storage package" hint="Its storage limit is the destination's quota." error={error}>
      <NativeSelect id={id} aria-invalid={!!error} {...select}>
        <option value="">Choose a package…</option>
        {(packages.data?.items ?? [])
          .filter((p) => p.enabled)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.storageLimitGb} GB)
            </option>
          ))}
      </NativeSelect>
    </FormField>
  );
}

type UserDestination = Msp360UserDto["destinations"][number] & { userId: string; email: string };

/**
 * PUT API/Destinations, limited to the one safe change: another package (quota). Moving a user to another bucket
 * would leave its backups behind, so that is not offered: add the new destination and remove the old one instead.
 */
function ChangePackageForm({ connectionId, destination, onDone }: { connectionId: string; destination: UserDestination; onDone: () => void }) {
  const { form, submit, formError, pending } = useOperationForm(
    connectionId,
    msp360Operations.destinationUpdate,
    { operation: "destination.update", userId: destination.userId, destinationId: destination.id, packageId: destination.packageId },
    onDone,
  );
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <p className="text-sm text-muted-foreground">
        Backups stay in <span className="font-mono text-foreground">{destination.bucket}</span> ({destination.account}). To move this user to another bucket, add a destination there and remove this one: the {formatBytes(destination.bytes)}{" "}
        already stored here stays here.
      </p>
      <PackageField connectionId={connectionId} id="change-package" error={form.formState.errors.packageId ? "Choose a package." : undefined} {...form.register("packageId")} />
      <FormButtons onCancel={onDone} pending={pending} label="Change package" />
    </form>
  );
}

export function StorageTab({ connectionId }: { connectionId: string }) {
  const accounts = useMsp360List(connectionId, "accounts");
  const users = useMsp360List(connectionId, "users");
  const packages = useMsp360List(connectionId, "packages");
  const [editingAccount, setEditingAccount] = useState<Msp360AccountDto | "new" | null>(null);
  const [managing, setManaging] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<UserDestination | null>(null);
  const [removing, setRemoving] = useState<UserDestination | null>(null);
  const destinations = { ...users, data: users.data && { items: users.data.items.flatMap((user) => user.destinations.map((d): UserDestination => ({ ...d, userId: user.id, email: user.email }))) } };
  const packageName = (id: number) => packages.data?.items.find((p) => p.id === id)?.name ?? `Package ${id}`;
  const managed = accounts.data?.items.find((a) => a.id === managing);
  return (
    <div className="grid gap-4">
      <TabIntro
        title="Storage accounts"
        action={
          <Button onClick={() => setEditingAccount("new")}>
            <PlusIcon aria-hidden />
            Add storage account
          </Button>
        }
      >
        The clouds backups go to, and their buckets.
      </TabIntro>
      <QueryTable
        query={accounts}
        actions="Change"
        columns={5}
        empty="No storage account yet."
        head={
          <>
            <TableHead>Account</TableHead>
            <TableHead className="hidden sm:table-cell">Storage</TableHead>
            <TableHead className="hidden md:table-cell">Buckets</TableHead>
            <TableHead className="hidden lg:table-cell">Added</TableHead>
          </>
        }
      >
        {(items) =>
          items.map((account) => (
            <TableRow key={account.id}>
              <TableCell>
                <div className="font-medium">{account.name}</div>
                <div className="text-xs text-muted-foreground sm:hidden">{account.storageType}</div>
              </TableCell>
              <TableCell className="hidden sm:table-cell">{account.storageType}</TableCell>
              <TableCell className="hidden md:table-cell">
                <div className="flex flex-wrap gap-1">
                  {account.destinations.map((d) => (
                    <Badge key={d.id} variant="secondary">
                      {d.name}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell className="hidden lg:table-cell">{account.created ? formatDateTime(account.created) : "—"}</TableCell>
              <TableCell className="text-right whitespace-nowrap">
                <Button size="sm" variant="ghost" onClick={() => setManaging(account.id)} aria-label={`Buckets of ${account.name}`}>
                  <FolderCogIcon aria-hidden />
                  <span className="hidden sm:inline">Buckets ({account.destinations.length})</span>
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setEditingAccount(account)} aria-label={`Edit ${account.name}`}>
                  <PencilIcon aria-hidden />
                </Button>
              </TableCell>
            </TableRow>
          ))
        }
      </QueryTable>

      <div className="mt-4">
        <TabIntro
          title="Users' backup destinations"
          action={
            <Button onClick={() => setAdding(true)}>
              <PlusIcon aria-hidden />
              Add destination
            </Button>
          }
        >
          Each is a bucket of a storage account and a package that sets the user&apos;s quota there.
        </TabIntro>
      </div>
      <QueryTable
        query={destinations}
        actions="Change"
        columns={6}
        empty="No user has a destination yet."
        head={
          <>
            <TableHead className="hidden sm:table-cell">User</TableHead>
            <TableHead>Destination</TableHead>
            <TableHead className="hidden md:table-cell">Account</TableHead>
            <TableHead className="hidden sm:table-cell">Package</TableHead>
            <TableHead className="hidden text-right sm:table-cell">Stored</TableHead>
          </>
        }
      >
        {(items) =>
          items.map((d) => (
            <TableRow key={`${d.userId}-${d.id}`}>
              <TableCell className="hidden wrap-anywhere sm:table-cell">{d.email}</TableCell>
              <TableCell>
                <div className="font-medium wrap-anywhere sm:whitespace-nowrap">{d.destination}</div>
                <div className="text-xs text-muted-foreground wrap-anywhere sm:hidden">{d.email}</div>
                <div className="text-xs text-muted-foreground sm:hidden">
                  {packageName(d.packageId)} · {formatBytes(d.bytes)}
                </div>
              </TableCell>
              <TableCell className="hidden whitespace-nowrap md:table-cell">{d.account}</TableCell>
              <TableCell className="hidden whitespace-nowrap sm:table-cell">{packageName(d.packageId)}</TableCell>
              <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{formatBytes(d.bytes)}</TableCell>
              <TableCell className="text-right whitespace-nowrap">
                <Button size="sm" variant="ghost" aria-label={`Change the package of ${d.destination} for ${d.email}`} onClick={() => setChanging(d)}>
                  <PencilIcon aria-hidden />
                </Button>
                <Button size="sm" variant="ghost" className="text-destructive" aria-label={`Remove ${d.destination} from ${d.email}`} onClick={() => setRemoving(d)}>
                  <XIcon aria-hidden />
                </Button>
              </TableCell>
            </TableRow>
          ))
        }
      </QueryTable>

      <FormDialog
        open={editingAccount !== null}
        onOpenChange={(open) => !open && setEditingAccount(null)}
        title={editingAccount === "new" ? "Add a storage account" : `Edit ${editingAccount?.name ?? "storage account"}`}
        description="MSP360 checks the credentials with the storage provider."
      >
        {editingAccount ? <AccountForm connectionId={connectionId} account={editingAccount === "new" ? null : editingAccount} onDone={() => setEditingAccount(null)} /> : null}
      </FormDialog>
      {managed ? <BucketsDialog connectionId={connectionId} account={managed} users={users.data?.items} onClose={() => setManaging(null)} /> : null}
      <FormDialog open={adding} onOpenChange={setAdding} title="Add a backup destination to a user">
        <AddDestinationForm connectionId={connectionId} onDone={() => setAdding(false)} />
      </FormDialog>
      <FormDialog open={changing !== null} onOpenChange={(open) => !open && setChanging(null)} title={`Change the package of ${changing?.destination ?? "a destination"}`} description={changing?.email}>
        {changing ? <ChangePackageForm connectionId={connectionId} destination={changing} onDone={() => setChanging(null)} /> : null}
      </FormDialog>
      {removing ? (
        <ConfirmOperation
          connectionId={connectionId}
          onClose={() => setRemoving(null)}
          title={`Remove ${removing.destination} from ${removing.email}?`}
          consequence={`The user's computers no longer back up to ${removing.destination}. The ${formatBytes(removing.bytes)} already there stays in the bucket.`}
          operation={{ operation: "destination.remove", userId: removing.userId, destinationId: removing.id }}
          label="Remove destination"
        />
      ) : null}
    </div>
  );
}
