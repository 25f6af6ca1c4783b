"use client";
// MSP360 licenses: grant a free license to a user, release it back to the pool, or revoke it from its computer.
import { useState } from "react";
import { KeyRoundIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/input";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { useMsp360List, type Msp360LicenseDto } from "@/lib/queries/msp360-admin";
import { msp360Operations } from "@/lib/schemas/msp360-admin";
import { QueryTable } from "./list-card";
import { ConfirmOperation, FormButtons, FormDialog, FormError, useOperationForm } from "./operation-form";

function GrantForm({ connectionId, license, onDone }: { connectionId: string; license: Msp360LicenseDto; onDone: () => void }) {
  const users = useMsp360List(connectionId, "users");
  const { form, submit, formError, pending } = useOperationForm(connectionId, msp360Operations.license, { operation: "license.grant", licenseId: license.id, userId: "" }, onDone);
  const { errors } = form.formState;
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <FormField id="grant-user" label="User" hint="The license becomes the user's; the first of its computers to back up takes it." error={errors.userId ? "Choose a user." : undefined}>
        <NativeSelect id="grant-user" aria-invalid={!!errors.userId} {...form.register("userId")}>
          <option value="">Choose a user…</option>
          {(users.data?.items ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {user.email}
              {user.company ? ` (${user.company})` : ""}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormButtons onCancel={onDone} pending={pending} label="Grant license" />
    </form>
  );
}

type Filter = "all" | "free" | "taken";

export function LicensesTab({ connectionId }: { connectionId: string }) {
  const licenses = useMsp360List(connectionId, "licenses");
  const [filter, setFilter] = useState<Filter>("all");
  const [granting, setGranting] = useState<Msp360LicenseDto | null>(null);
  const [changing, setChanging] = useState<{ license: Msp360LicenseDto; operation: "license.release" | "license.revoke" } | null>(null);
  const items = (licenses.data?.items ?? []).filter((l) => filter === "all" || (filter === "free" ? !l.taken && !l.userId : l.taken || !!l.userId));
  const free = (licenses.data?.items ?? []).filter((l) => !l.taken && !l.userId).length;

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <p className="max-w-2xl text-sm text-muted-foreground">
          <strong className="text-foreground">Grant</strong> gives a free license to a user. <strong className="text-foreground">Release</strong> takes it back from the user into
          the pool. <strong className="text-foreground">Revoke</strong> frees it from the computer that uses it; the user keeps it for another computer.
        </p>
        <div className="flex items-center gap-2">
          <label htmlFor="license-filter" className="text-sm text-muted-foreground">
            Show
          </label>
          <NativeSelect id="license-filter" className="h-8 w-40" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            <option value="all">All licenses</option>
            <option value="free">Free ({free})</option>
            <option value="taken">In use</option>
          </NativeSelect>
        </div>
      </div>
      <QueryTable
        query={{ ...licenses, data: licenses.data && { items } }}
        actions="Change"
        columns={5}
        empty={`No licenses ${filter === "free" ? "are free" : filter === "taken" ? "are in use" : "yet"}.`}
        head={
          <>
            <TableHead>License</TableHead>
            <TableHead>Held by</TableHead>
            <TableHead className="hidden md:table-cell">Computer</TableHead>
            <TableHead className="hidden md:table-cell">Expires</TableHead>
          </>
        }
      >
        {(shown) =>
          shown.map((license) => (
            <TableRow key={license.id} data-testid="license-row">
              <TableCell>
                <div className="font-medium">
                  #{license.number} {license.type}
                </div>
                <div className="flex gap-1">
                  {license.trial ? <Badge variant="warning">Trial</Badge> : null}
                  {license.taken || license.userId ? <Badge variant="secondary">In use</Badge> : <Badge variant="success">Free</Badge>}
                </div>
              </TableCell>
              <TableCell className="wrap-anywhere">{license.user ?? <span className="text-muted-foreground">Nobody</span>}</TableCell>
              <TableCell className="hidden md:table-cell">{license.computer ?? <span className="text-muted-foreground">None</span>}</TableCell>
              <TableCell className="hidden md:table-cell">{license.expires ? formatDateTime(license.expires) : <span className="text-muted-foreground">Never</span>}</TableCell>
              <TableCell className="text-right whitespace-nowrap">
                {license.userId ? (
                  <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
                    {license.computer ? (
                      <Button size="sm" variant="outline" onClick={() => setChanging({ license, operation: "license.revoke" })}>
                        Revoke
                      </Button>
                    ) : null}
                    <Button size="sm" variant="outline" onClick={() => setChanging({ license, operation: "license.release" })}>
                      Release
                    </Button>
                  </div>
                ) : (
                  <Button size="sm" onClick={() => setGranting(license)} aria-label={`Grant license #${license.number}`}>
                    <KeyRoundIcon aria-hidden />
                    Grant
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))
        }
      </QueryTable>
      <FormDialog open={granting !== null} onOpenChange={(open) => !open && setGranting(null)} title={`Grant license #${granting?.number ?? ""}`} description={granting ? `${granting.type}${granting.trial ? " (trial)" : ""}` : undefined}>
        {granting ? <GrantForm connectionId={connectionId} license={granting} onDone={() => setGranting(null)} /> : null}
      </FormDialog>
      {changing ? (
        <ConfirmOperation
          connectionId={connectionId}
          onClose={() => setChanging(null)}
          title={changing.operation === "license.release" ? `Release license #${changing.license.number}?` : `Revoke license #${changing.license.number}?`}
          consequence={
            changing.operation === "license.release"
              ? `${changing.license.user ?? "The user"} loses this license; it goes back into the pool.${changing.license.computer ? ` ${changing.license.computer} stops backing up until it gets another.` : ""}`
              : `${changing.license.computer ?? "Its computer"} no longer uses this license and stops backing up until it gets one. ${changing.license.user ?? "The user"} keeps the license for another computer.`
          }
          operation={{ operation: changing.operation, licenseId: changing.license.id, userId: changing.license.userId! }}
          label={changing.operation === "license.release" ? "Release license" : "Revoke license"}
        />
      ) : null}
    </div>
  );
}
