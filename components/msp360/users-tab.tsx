"use client";
// MSP360 users (the people whose computers back up): create, edit, enable or disable, delete the account only or
// together with its backup data.
import { RowActions } from "./row-actions";
import { useState } from "react";
import { PlusIcon, Trash2Icon, TriangleAlertIcon } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { formatBytes } from "@/lib/format";
import { useMsp360List, useMsp360Operate, type Msp360UserDto } from "@/lib/queries/msp360-admin";
import { msp360Operations } from "@/lib/schemas/msp360-admin";
import { cn } from "@/lib/utils";
import { blank, QueryTable, TabIntro } from "./list-card";
import { CheckboxField, ConfirmOperation, FormButtons, FormDialog, FormError, NameFields, problemOf, useOperationForm } from "./operation-form";

function CompanyOptions({ connectionId }: { connectionId: string }) {
  const companies = useMsp360List(connectionId, "companies");
  return (
    <>
      <option value="">No company</option>
      {(companies.data?.items ?? []).map((company) => (
        <option key={company.id} value={company.name}>
          {company.name}
        </option>
      ))}
    </>
  );
}

function CreateUserForm({ connectionId, onDone }: { connectionId: string; onDone: () => void }) {
  const { form, submit, formError, pending } = useOperationForm(
    connectionId,
    msp360Operations.userCreate,
    { operation: "user.create", email: "", password: "", firstName: "", lastName: "", company: "", enabled: true, sendInstructions: false },
    onDone,
  );
  const { errors } = form.formState;
  const company = form.register("company", { setValueAs: blank });
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <FormField id="msp-user-email" label="Email" hint="The user signs in to the MSP360 agent with it." error={errors.email?.message}>
        <Input id="msp-user-email" type="email" autoComplete="off" aria-invalid={!!errors.email} {...form.register("email")} />
      </FormField>
      <FormField id="msp-user-password" label="Password" hint="At least 6 characters. MSP360 keeps it; this app does not." error={errors.password?.message}>
        <Input id="msp-user-password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password")} />
      </FormField>
      <NameFields idPrefix="msp-user" first={form.register("firstName", { setValueAs: blank })} last={form.register("lastName", { setValueAs: blank })} errors={errors} />
      <FormField id="msp-user-company" label="Company" error={errors.company?.message}>
        <NativeSelect id="msp-user-company" {...company}>
          <CompanyOptions connectionId={connectionId} />
        </NativeSelect>
      </FormField>
      <CheckboxField {...form.register("enabled")}>Enabled: its computers may back up at once</CheckboxField>
      <CheckboxField {...form.register("sendInstructions")}>Email the user MSP360&apos;s sign-in instructions</CheckboxField>
      <FormButtons onCancel={onDone} pending={pending} label="Create user" />
    </form>
  );
}

function EditUserForm({ connectionId, user, onDone }: { connectionId: string; user: Msp360UserDto; onDone: () => void }) {
  const { form, submit, formError, pending } = useOperationForm(
    connectionId,
    msp360Operations.userUpdate,
    { operation: "user.update", id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, company: user.company ?? "", enabled: user.enabled, password: undefined },
    onDone,
  );
  const { errors } = form.formState;
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <FormField id="msp-edit-email" label="Email" error={errors.email?.message}>
        <Input id="msp-edit-email" type="email" autoComplete="off" aria-invalid={!!errors.email} {...form.register("email")} />
      </FormField>
      <NameFields idPrefix="msp-edit" first={form.register("firstName")} last={form.register("lastName")} errors={errors} />
      <FormField id="msp-edit-company" label="Company" error={errors.company?.message}>
        <NativeSelect id="msp-edit-company" {...form.register("company")}>
          <CompanyOptions connectionId={connectionId} />
        </NativeSelect>
      </FormField>
      <FormField id="msp-edit-password" label="New password" hint="Leave empty to keep the current one." error={errors.password?.message}>
        <Input id="msp-edit-password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password", { setValueAs: blank })} />
      </FormField>
      <CheckboxField {...form.register("enabled")}>Enabled (a disabled user&apos;s computers stop backing up)</CheckboxField>
      <FormButtons onCancel={onDone} pending={pending} label="Save" />
    </form>
  );
}

/** The two deletions MSP360 offers, side by side, so that nobody deletes backups by mistake. */
function DeleteUserDialog({ connectionId, user, onClose }: { connectionId: string; user: Msp360UserDto; onClose: () => void }) {
  const [mode, setMode] = useState<"account" | "account-and-data" | null>(null);
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const operate = useMsp360Operate(connectionId);
  const check = msp360Operations.userDelete.safeParse({ operation: "user.delete", id: user.id, mode });
  async function go() {
    if (!check.success) return;
    setProblem(null);
    try {
      const result = await operate.mutateAsync(check.data);
      toast.success(result.message);
      onClose();
    } catch (error) {
      setProblem(problemOf(error));
    }
  }
  const choice = (value: "account" | "account-and-data", title: string, body: string, danger: boolean) => (
    <label
      className={cn(
        "grid cursor-pointer grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg border p-3 text-sm",
        mode === value && (danger ? "border-destructive bg-destructive/5" : "border-primary bg-primary/5"),
      )}
    >
      <input type="radio" name="delete-mode" className="mt-0.5 size-4" checked={mode === value} onChange={() => setMode(value)} />
      <span className={cn("font-semibold", danger && "text-destructive")}>{title}</span>
      <span className="col-start-2 text-muted-foreground">{body}</span>
    </label>
  );
  return (
    <FormDialog open onOpenChange={(open) => !open && onClose()} title={`Delete ${user.email}?`} description="MSP360 offers two deletions. Choose one.">
      <div className="grid gap-3">
        {choice(
          "account",
          "Delete the account only; keep its backups",
          `The login goes and its computers stop backing up. Its ${formatBytes(user.spaceUsedBytes)} of backups stay in storage (and keep costing storage) and can still be restored.`,
          false,
        )}
        {choice(
          "account-and-data",
          "Delete the account and erase all its backups",
          `The login goes and MSP360 erases every backup of this user (${formatBytes(user.spaceUsedBytes)}) from storage within 24 hours. Nothing can be restored afterwards. This cannot be undone.`,
          true,
        )}
        {mode ? (
          <div className="grid gap-2">
            <Label htmlFor="confirm-user-email">
              Type <span className="font-mono">{user.email}</span> to confirm
            </Label>
            <Input id="confirm-user-email" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </div>
        ) : null}
        <FormError message={problem} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="destructive" disabled={!check.success || typed.trim().toLowerCase() !== user.email.toLowerCase() || operate.isPending} onClick={() => void go()}>
            {mode === "account-and-data" ? <TriangleAlertIcon aria-hidden /> : <Trash2Icon aria-hidden />}
            {operate.isPending ? "Sending to MSP360…" : mode === "account-and-data" ? "Delete account and erase backups" : "Delete account, keep backups"}
          </Button>
        </div>
      </div>
    </FormDialog>
  );
}

export function UsersTab({ connectionId }: { connectionId: string }) {
  const users = useMsp360List(connectionId, "users");
  const operate = useMsp360Operate(connectionId);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Msp360UserDto | null>(null);
  const [deleting, setDeleting] = useState<Msp360UserDto | null>(null);
  const [disabling, setDisabling] = useState<Msp360UserDto | null>(null);

  async function enable(user: Msp360UserDto) {
    try {
      const result = await operate.mutateAsync({ operation: "user.update", id: user.id, enabled: true });
      toast.success(`${user.email} enabled`, { description: result.message });
    } catch (error) {
      toast.error(`${user.email} was not enabled`, { description: problemOf(error) });
    }
  }

  return (
    <div className="grid gap-4">
      <TabIntro
        action={
          <Button onClick={() => setCreating(true)}>
            <PlusIcon aria-hidden />
            Add user
          </Button>
        }
      >
        The people whose computers back up to MSP360. A user needs a license to back up.
      </TabIntro>
      <QueryTable
        query={users}
        actions="Change"
        columns={6}
        empty="No users yet."
        head={
          <>
            <TableHead>User</TableHead>
            <TableHead className="hidden md:table-cell">Company</TableHead>
            <TableHead className="hidden lg:table-cell">Destinations</TableHead>
            <TableHead className="hidden text-right sm:table-cell">Used</TableHead>
            <TableHead>Enabled</TableHead>
          </>
        }
      >
        {(items) =>
          items.map((user) => (
            <TableRow key={user.id} className={user.enabled ? undefined : "opacity-60"}>
              <TableCell>
                <div className="font-medium wrap-anywhere">{user.name}</div>
                {user.name !== user.email ? <div className="text-xs text-muted-foreground wrap-anywhere">{user.email}</div> : null}
                <div className="text-xs text-muted-foreground sm:hidden">{formatBytes(user.spaceUsedBytes)} used</div>
              </TableCell>
              <TableCell className="hidden md:table-cell">{user.company ?? <span className="text-muted-foreground">None</span>}</TableCell>
              <TableCell className="hidden lg:table-cell">
                <div className="flex flex-wrap gap-1">
                  {user.destinations.length === 0 ? <span className="text-xs text-muted-foreground">None</span> : null}
                  {user.destinations.map((d) => (
                    <Badge key={d.id} variant="secondary" title={`${d.account}: ${formatBytes(d.bytes)}`}>
                      {d.destination}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{formatBytes(user.spaceUsedBytes)}</TableCell>
              <TableCell>
                <Switch
                  checked={user.enabled}
                  disabled={operate.isPending}
                  onCheckedChange={(on) => (on ? void enable(user) : setDisabling(user))}
                  aria-label={`${user.enabled ? "Disable" : "Enable"} ${user.email}`}
                />
              </TableCell>
              <RowActions label={user.email} onEdit={() => setEditing(user)} onDelete={() => setDeleting(user)} />
            </TableRow>
          ))
        }
      </QueryTable>
      <FormDialog open={creating} onOpenChange={setCreating} title="Add an MSP360 user" description="Created at MSP360 at once. Grant it a license under Licenses so its computers can back up.">
        <CreateUserForm connectionId={connectionId} onDone={() => setCreating(false)} />
      </FormDialog>
      <FormDialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title={`Edit ${editing?.email ?? "user"}`}>
        {editing ? <EditUserForm connectionId={connectionId} user={editing} onDone={() => setEditing(null)} /> : null}
      </FormDialog>
      {deleting ? <DeleteUserDialog connectionId={connectionId} user={deleting} onClose={() => setDeleting(null)} /> : null}
      {disabling ? (
        <ConfirmOperation
          connectionId={connectionId}
          onClose={() => setDisabling(null)}
          title={`Disable ${disabling.email}?`}
          consequence="Its computers stop backing up until the user is enabled again. Its backups stay."
          operation={{ operation: "user.update", id: disabling.id, enabled: false }}
          label="Disable user"
        />
      ) : null}
    </div>
  );
}
