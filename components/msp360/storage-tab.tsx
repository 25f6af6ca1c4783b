"use client";
// MSP360 storage accounts (the clouds backups go to) and users' destinations (a bucket of an account, with a package).
import { useState } from "react";
import { PlusIcon, XIcon } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { formatBytes, formatDateTime } from "@/lib/format";
import { useMsp360List, useMsp360Operate } from "@/lib/queries/msp360-admin";
import { MSP360_STORAGE_ACCOUNT_TYPES, msp360Operations } from "@/lib/schemas/msp360-admin";
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

function CreateAccountForm({ connectionId, onDone }: { connectionId: string; onDone: () => void }) {
  const operate = useMsp360Operate(connectionId);
  const [values, setValues] = useState({ displayName: "", type: "AmazonS3", settings: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    // The same schema the route checks with, before anything is sent.
    const parsed = msp360Operations.accountCreate.safeParse({ operation: "account.create", displayName: values.displayName, type: values.type, settings: parseSettings(values.settings) });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setErrors({});
    try {
      const result = await operate.mutateAsync(parsed.data);
      toast.success(result.message);
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
      <FormField id="account-type" label="Storage" error={errors.type}>
        <select id="account-type" className="flex h-9 w-full rounded-md border border-input bg-card px-3 text-sm" value={values.type} onChange={(e) => setValues({ ...values, type: e.target.value })}>
          {MSP360_STORAGE_ACCOUNT_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="account-settings" label="Storage credentials" hint="One per line, as MSP360 names them: AccessKey=…, SecretKey=…. Sent to MSP360 only; this app keeps none." error={errors.settings}>
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
      <FormButtons onCancel={onDone} pending={operate.isPending} label="Add storage account" />
    </form>
  );
}

function AddDestinationForm({ connectionId, onDone }: { connectionId: string; onDone: () => void }) {
  const users = useMsp360List(connectionId, "users");
  const accounts = useMsp360List(connectionId, "accounts");
  const packages = useMsp360List(connectionId, "packages");
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
      <FormField id="destination-name" label="Bucket or container" hint={account?.destinations.length ? `In this account: ${account.destinations.map((d) => d.name).join(", ")}` : undefined} error={errors.destination?.message}>
        <Input id="destination-name" list="destination-names" aria-invalid={!!errors.destination} {...form.register("destination")} />
        <datalist id="destination-names">
          {(account?.destinations ?? []).map((d) => (
            <option key={d.id} value={d.name} />
          ))}
        </datalist>
      </FormField>
      <FormField id="destination-package" label="Storage package" error={errors.packageId ? "Choose a package." : undefined}>
        <NativeSelect id="destination-package" aria-invalid={!!errors.packageId} {...form.register("packageId")}>
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
      <FormButtons onCancel={onDone} pending={pending} label="Add destination" />
    </form>
  );
}

export function StorageTab({ connectionId }: { connectionId: string }) {
  const accounts = useMsp360List(connectionId, "accounts");
  const users = useMsp360List(connectionId, "users");
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ userId: string; email: string; destinationId: string; name: string; bytes: number } | null>(null);
  const destinations = (users.data?.items ?? []).flatMap((user) => user.destinations.map((d) => ({ ...d, userId: user.id, email: user.email })));
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle>Storage accounts</CardTitle>
          <Button size="sm" onClick={() => setCreating(true)}>
            <PlusIcon aria-hidden />
            Add storage account
          </Button>
        </CardHeader>
        {accounts.isPending ? (
          <CardContent>
            <LoadingRows rows={2} />
          </CardContent>
        ) : accounts.isError ? (
          <CardContent>
            <LoadError error={accounts.error} onRetry={() => accounts.refetch()} />
          </CardContent>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Account</TableHead>
                <TableHead>Storage</TableHead>
                <TableHead className="hidden md:table-cell">Buckets</TableHead>
                <TableHead className="hidden md:table-cell">Added</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {accounts.data.items.map((account) => (
                <TableRow key={account.id}>
                  <TableCell className="font-medium">{account.name}</TableCell>
                  <TableCell>{account.storageType}</TableCell>
                  <TableCell className="hidden md:table-cell">
                    <div className="flex flex-wrap gap-1">
                      {account.destinations.map((d) => (
                        <Badge key={d.id} variant="secondary">
                          {d.name}
                        </Badge>
                      ))}
                    </div>
                  </TableCell>
                  <TableCell className="hidden md:table-cell">{account.created ? formatDateTime(account.created) : "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <Card>
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle>Users&apos; backup destinations</CardTitle>
          <Button size="sm" onClick={() => setAdding(true)}>
            <PlusIcon aria-hidden />
            Add destination
          </Button>
        </CardHeader>
        {users.isPending ? (
          <CardContent>
            <LoadingRows rows={2} />
          </CardContent>
        ) : users.isError ? (
          <CardContent>
            <LoadError error={users.error} onRetry={() => users.refetch()} />
          </CardContent>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>User</TableHead>
                <TableHead>Destination</TableHead>
                <TableHead className="hidden md:table-cell">Account</TableHead>
                <TableHead className="text-right">Stored</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Remove</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {destinations.map((d) => (
                <TableRow key={`${d.userId}-${d.id}`}>
                  <TableCell>{d.email}</TableCell>
                  <TableCell className="font-medium">{d.destination}</TableCell>
                  <TableCell className="hidden md:table-cell">{d.account}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatBytes(d.bytes)}</TableCell>
                  <TableCell className="text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      className="text-destructive"
                      aria-label={`Remove ${d.destination} from ${d.email}`}
                      onClick={() => setRemoving({ userId: d.userId, email: d.email, destinationId: d.id, name: d.destination, bytes: d.bytes })}
                    >
                      <XIcon aria-hidden />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
              {destinations.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={5} className="py-8 text-center text-muted-foreground">
                    No user has a destination yet.
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        )}
      </Card>
      <FormDialog open={creating} onOpenChange={setCreating} title="Add a storage account" description="MSP360 checks the credentials with the storage provider.">
        <CreateAccountForm connectionId={connectionId} onDone={() => setCreating(false)} />
      </FormDialog>
      <FormDialog open={adding} onOpenChange={setAdding} title="Add a backup destination to a user">
        <AddDestinationForm connectionId={connectionId} onDone={() => setAdding(false)} />
      </FormDialog>
      {removing ? (
        <ConfirmOperation
          connectionId={connectionId}
          open
          onOpenChange={(open) => !open && setRemoving(null)}
          title={`Remove ${removing.name} from ${removing.email}?`}
          consequence={`The user's computers no longer back up to ${removing.name}. The ${formatBytes(removing.bytes)} already there stays in the bucket.`}
          operation={{ operation: "destination.remove", userId: removing.userId, destinationId: removing.destinationId }}
          label="Remove destination"
        />
      ) : null}
    </div>
  );
}
