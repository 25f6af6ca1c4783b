"use client";
// MSP360 companies (the MSP's customers, as MSP360 groups users) and storage packages (what a destination costs).
import { RowActions } from "./row-actions";
import { useState } from "react";
import { PlusIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { formatBytes, formatMoney } from "@/lib/format";
import { useMsp360List, type Msp360CompanyDto, type Msp360PackageDto } from "@/lib/queries/msp360-admin";
import { msp360Operations } from "@/lib/schemas/msp360-admin";
import { blank, QueryTable, TabIntro } from "./list-card";
import { CheckboxField, ConfirmOperation, FormButtons, FormDialog, FormError, useOperationForm } from "./operation-form";

const GB = 1024 ** 3;
function CompanyForm({ connectionId, company, onDone }: { connectionId: string; company: Msp360CompanyDto | null; onDone: () => void }) {
  const limit = company?.storageLimitBytes != null ? Math.round((company.storageLimitBytes / GB) * 100) / 100 : undefined;
  const create = useOperationForm(connectionId, msp360Operations.companyCreate, { operation: "company.create", name: "", storageLimitGb: undefined }, onDone);
  const update = useOperationForm(connectionId, msp360Operations.companyUpdate, { operation: "company.update", id: company?.id ?? "", name: company?.name ?? "", storageLimitGb: limit }, onDone);
  const { form, submit, formError, pending } = (company ? update : create) as typeof update;
  const { errors } = form.formState;
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <FormField id="company-name" label="Name" error={errors.name?.message}>
        <Input id="company-name" aria-invalid={!!errors.name} {...form.register("name")} />
      </FormField>
      <FormField id="company-limit" label="Storage limit (GB)" hint="Empty: no limit." error={errors.storageLimitGb?.message}>
        <Input id="company-limit" type="number" min={0} step="any" inputMode="decimal" aria-invalid={!!errors.storageLimitGb} {...form.register("storageLimitGb", { setValueAs: blank })} />
      </FormField>
      <FormButtons onCancel={onDone} pending={pending} label={company ? "Save" : "Create company"} />
    </form>
  );
}

export function CompaniesTab({ connectionId }: { connectionId: string }) {
  const companies = useMsp360List(connectionId, "companies");
  const [editing, setEditing] = useState<Msp360CompanyDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<Msp360CompanyDto | null>(null);
  return (
    <div className="grid gap-4">
      <TabIntro
        action={
          <Button onClick={() => setEditing("new")}>
            <PlusIcon aria-hidden />
            Add company
          </Button>
        }
      >
        MSP360 groups users by company: one per customer, with an optional storage limit.
      </TabIntro>
      <QueryTable
        query={companies}
        actions="Change"
        columns={4}
        empty="No companies yet."
        head={
          <>
            <TableHead>Company</TableHead>
            <TableHead>Storage limit</TableHead>
            <TableHead className="hidden md:table-cell">Licenses from</TableHead>
          </>
        }
      >
        {(items) =>
          items.map((company) => (
            <TableRow key={company.id}>
              <TableCell className="font-medium">{company.name}</TableCell>
              <TableCell>{company.storageLimitBytes === null ? <span className="text-muted-foreground">No limit</span> : formatBytes(company.storageLimitBytes)}</TableCell>
              <TableCell className="hidden md:table-cell">{company.licenseSettings}</TableCell>
              <RowActions label={company.name} onEdit={() => setEditing(company)} onDelete={() => setDeleting(company)} />
            </TableRow>
          ))
        }
      </QueryTable>
      <FormDialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title={editing === "new" ? "Add a company" : `Edit ${editing?.name ?? "company"}`}>
        {editing ? <CompanyForm connectionId={connectionId} company={editing === "new" ? null : editing} onDone={() => setEditing(null)} /> : null}
      </FormDialog>
      {deleting ? (
        <ConfirmOperation
          connectionId={connectionId}
          onClose={() => setDeleting(null)}
          title={`Delete ${deleting.name}?`}
          consequence="The company goes from MSP360. Its users stay, without a company; their backups are not touched."
          confirmName={deleting.name}
          operation={{ operation: "company.delete", id: deleting.id }}
          label="Delete company"
        />
      ) : null}
    </div>
  );
}

function PackageForm({ connectionId, item, onDone }: { connectionId: string; item: Msp360PackageDto | null; onDone: () => void }) {
  const create = useOperationForm(connectionId, msp360Operations.packageCreate, { operation: "package.create", name: "", description: "", costPerMonth: 0, storageLimitGb: 100 }, onDone);
  const update = useOperationForm(
    connectionId,
    msp360Operations.packageUpdate,
    { operation: "package.update", id: item?.id ?? 0, name: item?.name ?? "", description: item?.description ?? "", costPerMonth: item?.costPerMonth ?? 0, storageLimitGb: item?.storageLimitGb ?? 0, enabled: item?.enabled ?? true },
    onDone,
  );
  const { form, submit, formError, pending } = (item ? update : create) as typeof update;
  const { errors } = form.formState;
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate>
      <FormError message={formError} />
      <FormField id="package-name" label="Name" error={errors.name?.message}>
        <Input id="package-name" aria-invalid={!!errors.name} {...form.register("name")} />
      </FormField>
      <FormField id="package-description" label="Description" error={errors.description?.message}>
        <Input id="package-description" {...form.register("description", { setValueAs: blank })} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="package-cost" label="Cost per month" error={errors.costPerMonth?.message}>
          <Input id="package-cost" type="number" min={0} step="any" aria-invalid={!!errors.costPerMonth} {...form.register("costPerMonth")} />
        </FormField>
        <FormField id="package-limit" label="Storage limit (GB)" error={errors.storageLimitGb?.message}>
          <Input id="package-limit" type="number" min={0} step="any" aria-invalid={!!errors.storageLimitGb} {...form.register("storageLimitGb")} />
        </FormField>
      </div>
      {item ? (
        <CheckboxField {...form.register("enabled")}>Enabled: can be chosen for new destinations</CheckboxField>
      ) : null}
      <FormButtons onCancel={onDone} pending={pending} label={item ? "Save" : "Create package"} />
    </form>
  );
}

export function PackagesTab({ connectionId }: { connectionId: string }) {
  const packages = useMsp360List(connectionId, "packages");
  const [editing, setEditing] = useState<Msp360PackageDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<Msp360PackageDto | null>(null);
  return (
    <div className="grid gap-4">
      <TabIntro
        action={
          <Button onClick={() => setEditing("new")}>
            <PlusIcon aria-hidden />
            Add package
          </Button>
        }
      >
        Storage packages set what a user&apos;s destination may hold and what it costs per month.
      </TabIntro>
      <QueryTable
        query={packages}
        actions="Change"
        columns={5}
        empty="No packages yet."
        head={
          <>
            <TableHead>Package</TableHead>
            <TableHead className="text-right">Limit</TableHead>
            <TableHead className="hidden text-right sm:table-cell">Per month</TableHead>
            <TableHead className="hidden sm:table-cell">State</TableHead>
          </>
        }
      >
        {(items) =>
          items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>
                <div className="font-medium">{item.name}</div>
                {item.description ? <div className="text-xs text-muted-foreground">{item.description}</div> : null}
                <div className="mt-1 flex flex-wrap items-center gap-1 text-xs text-muted-foreground sm:hidden">
                  {formatMoney(item.costPerMonth)} per month
                  {item.enabled ? null : <Badge variant="secondary">Disabled</Badge>}
                </div>
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{item.storageLimitGb} GB</TableCell>
              <TableCell className="hidden text-right tabular-nums sm:table-cell">{formatMoney(item.costPerMonth)}</TableCell>
              <TableCell className="hidden sm:table-cell">{item.enabled ? <Badge variant="success">Enabled</Badge> : <Badge variant="secondary">Disabled</Badge>}</TableCell>
              <RowActions label={item.name} onEdit={() => setEditing(item)} onDelete={() => setDeleting(item)} />
            </TableRow>
          ))
        }
      </QueryTable>
      <FormDialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title={editing === "new" ? "Add a storage package" : `Edit ${editing?.name ?? "package"}`}>
        {editing ? <PackageForm connectionId={connectionId} item={editing === "new" ? null : editing} onDone={() => setEditing(null)} /> : null}
      </FormDialog>
      {deleting ? (
        <ConfirmOperation
          connectionId={connectionId}
          onClose={() => setDeleting(null)}
          title={`Delete ${deleting.name}?`}
          consequence="The package goes from MSP360; MSP360 refuses while a destination still uses it."
          confirmName={deleting.name}
          operation={{ operation: "package.delete", id: deleting.id }}
          label="Delete package"
        />
      ) : null}
    </div>
  );
}
