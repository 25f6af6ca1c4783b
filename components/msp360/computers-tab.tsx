"use client";
// MSP360 computer authorization: a computer backs up only while it is authorized for a user.
import { useState } from "react";
import { ShieldCheckIcon, ShieldOffIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { StatusBadge } from "@/components/common/status-badge";
import { useEndpoints, type EndpointDto } from "@/lib/queries/endpoints";
import { useMsp360List } from "@/lib/queries/msp360-admin";
import { msp360Operations } from "@/lib/schemas/msp360-admin";
import { ConfirmOperation, FormButtons, FormDialog, FormError, useOperationForm } from "./operation-form";

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

function AuthorizeForm({ connectionId, hid, onDone }: { connectionId: string; hid: string; onDone: () => void }) {
  const users = useMsp360List(connectionId, "users");
  const companies = useMsp360List(connectionId, "companies");
  const { form, submit, formError, pending } = useOperationForm(connectionId, msp360Operations.computerAuthorize, { operation: "computer.authorize", hid, userId: undefined, companyId: undefined }, onDone);
  const { errors } = form.formState;
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <FormField id="authorize-hid" label="Computer (HID)" hint="MSP360's hardware id of the computer, shown by the agent." error={errors.hid?.message}>
        <Input id="authorize-hid" className="font-mono" aria-invalid={!!errors.hid} {...form.register("hid")} />
      </FormField>
      <FormField id="authorize-user" label="For the user" error={errors.userId?.message}>
        <NativeSelect id="authorize-user" aria-invalid={!!errors.userId} {...form.register("userId", { setValueAs: blank })}>
          <option value="">None (a new user of the company below)</option>
          {(users.data?.items ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {user.email}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="authorize-company" label="Or for a new user of the company" hint="MSP360 makes the user." error={errors.companyId?.message}>
        <NativeSelect id="authorize-company" {...form.register("companyId", { setValueAs: blank })}>
          <option value="">None</option>
          {(companies.data?.items ?? []).map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormButtons onCancel={onDone} pending={pending} label="Authorize computer" />
    </form>
  );
}

export function ComputersTab({ connectionId }: { connectionId: string }) {
  const computers = useEndpoints({ connectionId, pageSize: 500, sort: "name" });
  const [authorizing, setAuthorizing] = useState<string | null>(null);
  const [deauthorizing, setDeauthorizing] = useState<EndpointDto | null>(null);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="max-w-2xl text-sm text-muted-foreground">
          A computer backs up only while MSP360 has it authorized for a user. Deauthorize one that left a customer; authorize a new or reinstalled one by its HID.
        </p>
        <Button onClick={() => setAuthorizing("")}>
          <ShieldCheckIcon aria-hidden />
          Authorize a computer
        </Button>
      </div>
      {computers.isPending ? (
        <LoadingRows />
      ) : computers.isError ? (
        <LoadError error={computers.error} onRetry={() => computers.refetch()} />
      ) : (
        <Card>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Computer</TableHead>
                <TableHead className="hidden md:table-cell">Customer</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="hidden lg:table-cell">HID</TableHead>
                <TableHead className="hidden md:table-cell">Last seen</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Authorization</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {computers.data.items.map((computer) => (
                <TableRow key={computer.id}>
                  <TableCell className="font-medium">{computer.name}</TableCell>
                  <TableCell className="hidden md:table-cell">{computer.customer?.name ?? "—"}</TableCell>
                  <TableCell>
                    <StatusBadge status={computer.status} />
                  </TableCell>
                  <TableCell className="hidden font-mono text-xs lg:table-cell">{computer.vendorId}</TableCell>
                  <TableCell className="hidden md:table-cell">
                    <RelativeTime value={computer.lastSeenAt} />
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap">
                    <Button size="sm" variant="ghost" onClick={() => setAuthorizing(computer.vendorId)} aria-label={`Authorize ${computer.name}`}>
                      <ShieldCheckIcon aria-hidden />
                    </Button>
                    <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setDeauthorizing(computer)} aria-label={`Deauthorize ${computer.name}`}>
                      <ShieldOffIcon aria-hidden />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      <FormDialog open={authorizing !== null} onOpenChange={(open) => !open && setAuthorizing(null)} title="Authorize a computer">
        {authorizing !== null ? <AuthorizeForm connectionId={connectionId} hid={authorizing} onDone={() => setAuthorizing(null)} /> : null}
      </FormDialog>
      {deauthorizing ? (
        <ConfirmOperation
          connectionId={connectionId}
          open
          onOpenChange={(open) => !open && setDeauthorizing(null)}
          title={`Deauthorize ${deauthorizing.name}?`}
          consequence="The computer stops backing up until it is authorized again. Its backups stay."
          confirmName={deauthorizing.name}
          operation={{ operation: "computer.deauthorize", hid: deauthorizing.vendorId }}
          label="Deauthorize computer"
        />
      ) : null}
    </div>
  );
}
