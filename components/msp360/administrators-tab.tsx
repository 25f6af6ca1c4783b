"use client";
// MSP360 administrators: the people who sign in to the MSP360 console itself.
import { RowActions } from "./row-actions";
import { useState } from "react";
import { PlusIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { RelativeTime } from "@/components/common/relative-time";
import { useMsp360List, type Msp360AdministratorDto } from "@/lib/queries/msp360-admin";
import { msp360Operations } from "@/lib/schemas/msp360-admin";
import { blank, QueryTable, TabIntro } from "./list-card";
import { CheckboxField, ConfirmOperation, FormButtons, FormDialog, FormError, NameFields, useOperationForm } from "./operation-form";

function CreateAdministratorForm({ connectionId, onDone }: { connectionId: string; onDone: () => void }) {
  const { form, submit, formError, pending } = useOperationForm(
    connectionId,
    msp360Operations.administratorCreate,
    { operation: "administrator.create", email: "", initialPassword: "", firstName: "", lastName: "", enabled: true, sendInstruction: false },
    onDone,
  );
  const { errors } = form.formState;
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <FormField id="admin-email" label="Email" error={errors.email?.message}>
        <Input id="admin-email" type="email" autoComplete="off" aria-invalid={!!errors.email} {...form.register("email")} />
      </FormField>
      <FormField id="admin-password" label="Initial password" hint="At least 6 characters; MSP360 asks for a new one at first sign-in." error={errors.initialPassword?.message}>
        <Input id="admin-password" type="password" autoComplete="new-password" aria-invalid={!!errors.initialPassword} {...form.register("initialPassword")} />
      </FormField>
      <NameFields idPrefix="admin" first={form.register("firstName", { setValueAs: blank })} last={form.register("lastName", { setValueAs: blank })} errors={errors} />
      <CheckboxField {...form.register("enabled")}>Enabled: may sign in to the MSP360 console</CheckboxField>
      <CheckboxField {...form.register("sendInstruction")}>Email MSP360&apos;s sign-in instructions</CheckboxField>
      <FormButtons onCancel={onDone} pending={pending} label="Create administrator" />
    </form>
  );
}

function EditAdministratorForm({ connectionId, admin, onDone }: { connectionId: string; admin: Msp360AdministratorDto; onDone: () => void }) {
  const { form, submit, formError, pending } = useOperationForm(
    connectionId,
    msp360Operations.administratorUpdate,
    { operation: "administrator.update", id: admin.id, firstName: admin.firstName, lastName: admin.lastName, enabled: admin.enabled },
    onDone,
  );
  const { errors } = form.formState;
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <NameFields idPrefix="admin-edit" first={form.register("firstName")} last={form.register("lastName")} errors={errors} />
      <CheckboxField {...form.register("enabled")}>Enabled: may sign in to the MSP360 console</CheckboxField>
      <FormButtons onCancel={onDone} pending={pending} label="Save" />
    </form>
  );
}

export function AdministratorsTab({ connectionId }: { connectionId: string }) {
  const admins = useMsp360List(connectionId, "administrators");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Msp360AdministratorDto | null>(null);
  const [deleting, setDeleting] = useState<Msp360AdministratorDto | null>(null);
  return (
    <div className="grid gap-4">
      <TabIntro
        action={
          <Button onClick={() => setCreating(true)}>
            <PlusIcon aria-hidden />
            Add administrator
          </Button>
        }
      >
        Who signs in to MSP360&apos;s own console (not to this app; its users are under Settings → Users).
      </TabIntro>
      <QueryTable
        query={admins}
        actions="Change"
        columns={5}
        empty="No administrators yet."
        head={
          <>
            <TableHead>Administrator</TableHead>
            <TableHead className="hidden md:table-cell">Companies</TableHead>
            <TableHead className="hidden sm:table-cell">Last sign-in</TableHead>
            <TableHead>State</TableHead>
          </>
        }
      >
        {(items) =>
          items.map((admin) => (
            <TableRow key={admin.id}>
              <TableCell>
                <div className="font-medium">{admin.name}</div>
                {admin.name !== admin.email ? <div className="text-xs text-muted-foreground wrap-anywhere">{admin.email}</div> : null}
              </TableCell>
              <TableCell className="hidden md:table-cell">{admin.companies.length ? admin.companies.join(", ") : <span className="text-muted-foreground">All</span>}</TableCell>
              <TableCell className="hidden sm:table-cell">
                <RelativeTime value={admin.lastLogin} fallback="Never" />
              </TableCell>
              <TableCell>{admin.enabled ? <Badge variant="success">Enabled</Badge> : <Badge variant="secondary">Disabled</Badge>}</TableCell>
              <RowActions label={admin.email} onEdit={() => setEditing(admin)} onDelete={() => setDeleting(admin)} />
            </TableRow>
          ))
        }
      </QueryTable>
      <FormDialog open={creating} onOpenChange={setCreating} title="Add an MSP360 administrator">
        <CreateAdministratorForm connectionId={connectionId} onDone={() => setCreating(false)} />
      </FormDialog>
      <FormDialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title={`Edit ${editing?.email ?? "administrator"}`}>
        {editing ? <EditAdministratorForm connectionId={connectionId} admin={editing} onDone={() => setEditing(null)} /> : null}
      </FormDialog>
      {deleting ? (
        <ConfirmOperation
          connectionId={connectionId}
          onClose={() => setDeleting(null)}
          title={`Delete ${deleting.email}?`}
          consequence="This administrator can no longer sign in to MSP360's console."
          confirmName={deleting.email}
          operation={{ operation: "administrator.delete", id: deleting.id }}
          label="Delete administrator"
        />
      ) : null}
    </div>
  );
}
