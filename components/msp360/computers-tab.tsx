"use client";
// MSP360 computer authorization: a computer backs up only while it is authorized for a user.
import { useState } from "react";
import { ShieldCheckIcon, ShieldOffIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { RelativeTime } from "@/components/common/relative-time";
import { StatusBadge } from "@/components/common/status-badge";
import { useEndpoints, type EndpointDto } from "@/lib/queries/endpoints";
import { useMsp360List } from "@/lib/queries/msp360-admin";
import { msp360Operations } from "@/lib/schemas/msp360-admin";
import { blank, QueryTable, TabIntro } from "./list-card";
import { ConfirmOperation, FormButtons, FormDialog, FormError, useOperationForm } from "./operation-form";

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
  const [erasing, setErasing] = useState<EndpointDto | null>(null);
  return (
    <div className="grid gap-4">
      <TabIntro
        action={
          <Button onClick={() => setAuthorizing("")}>
            <ShieldCheckIcon aria-hidden />
            Authorize a computer
          </Button>
        }
      >
        A computer backs up only while MSP360 has it authorized for a user. Deauthorize one that left a customer; authorize a new or reinstalled one by its HID. Erasing a computer deletes it and its backups at MSP360 for good.
      </TabIntro>
      <QueryTable
        query={computers}
        actions="Authorization"
        columns={6}
        empty="MSP360 lists no computer yet."
        head={
          <>
            <TableHead>Computer</TableHead>
            <TableHead className="hidden md:table-cell">Customer</TableHead>
            <TableHead className="hidden sm:table-cell">Status</TableHead>
            <TableHead className="hidden lg:table-cell">HID</TableHead>
            <TableHead className="hidden md:table-cell">Last seen</TableHead>
          </>
        }
      >
        {(items) =>
          items.map((computer) => (
            <TableRow key={computer.id}>
              <TableCell>
                <div className="font-medium">{computer.name}</div>
                <div className="mt-1 sm:hidden">
                  <StatusBadge status={computer.status} />
                </div>
              </TableCell>
              <TableCell className="hidden md:table-cell">{computer.customer?.name ?? "—"}</TableCell>
              <TableCell className="hidden sm:table-cell">
                <StatusBadge status={computer.status} />
              </TableCell>
              <TableCell className="hidden font-mono text-xs lg:table-cell">{computer.vendorId}</TableCell>
              <TableCell className="hidden md:table-cell">
                <RelativeTime value={computer.lastSeenAt} />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap">
                <Button size="sm" variant="ghost" onClick={() => setAuthorizing(computer.vendorId)} aria-label={`Authorize ${computer.name}`} title="Authorize">
                  <ShieldCheckIcon aria-hidden />
                </Button>
                <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setDeauthorizing(computer)} aria-label={`Deauthorize ${computer.name}`} title="Deauthorize">
                  <ShieldOffIcon aria-hidden />
                </Button>
                <Button size="sm" variant="ghost" className="text-destructive" onClick={() => setErasing(computer)} aria-label={`Erase ${computer.name} and its backups`} title="Erase the computer and its backups">
                  <Trash2Icon aria-hidden />
                </Button>
              </TableCell>
            </TableRow>
          ))
        }
      </QueryTable>
      <FormDialog open={authorizing !== null} onOpenChange={(open) => !open && setAuthorizing(null)} title="Authorize a computer">
        {authorizing !== null ? <AuthorizeForm connectionId={connectionId} hid={authorizing} onDone={() => setAuthorizing(null)} /> : null}
      </FormDialog>
      {deauthorizing ? (
        <ConfirmOperation
          connectionId={connectionId}
          onClose={() => setDeauthorizing(null)}
          title={`Deauthorize ${deauthorizing.name}?`}
          consequence="The computer stops backing up until it is authorized again. Its backups stay."
          confirmName={deauthorizing.name}
          operation={{ operation: "computer.deauthorize", hid: deauthorizing.vendorId }}
          label="Deauthorize computer"
        />
      ) : null}
      {erasing ? (
        <ConfirmOperation
          connectionId={connectionId}
          onClose={() => setErasing(null)}
          title={`Erase ${erasing.name} and all its backups?`}
          consequence={
            <div className="grid gap-2">
              <p className="font-medium text-destructive">MSP360 deletes this computer and every backup of it from storage. Nothing of it can be restored afterwards. This cannot be undone.</p>
              <p>To stop it backing up but keep its backups, cancel and deauthorize it instead.</p>
            </div>
          }
          confirmName={erasing.name}
          operation={{ operation: "computer.erase", hid: erasing.vendorId, computerName: erasing.name }}
          label="Erase computer and backups"
        />
      ) : null}
    </div>
  );
}
