"use client";
// The MSP's customers: each with the vendor customers (MSP360 companies, Rackspace accounts) linked to it. Admins
// rename a customer, set its overdue window, link vendor customers with a picker, unlink them, and accept the
// suggested links of customers with alike names in one click, or dismiss them for good (and undo that).
import Link from "next/link";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { toast } from "sonner";
import { Building2Icon, LinkIcon, PencilIcon, SparklesIcon, Undo2Icon, UnlinkIcon, XIcon } from "lucide-react";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { SearchInput } from "@/components/common/search-input";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { ApiError } from "@/lib/api/client";
import { formatNumber } from "@/lib/format";
import {
  useCustomerPage,
  useCustomers,
  useCustomerSuggestions,
  useDismissedSuggestions,
  useDismissSuggestion,
  useLinkCustomers,
  useRestoreSuggestion,
  useUnlinkCustomer,
  useUpdateCustomer,
  type CustomerDto,
  type CustomerSuggestionDto,
  type DismissedSuggestionDto,
  type VendorCustomerDto,
} from "@/lib/queries/customers";
import { DEFAULT_OVERDUE_WINDOW_HOURS } from "@/lib/schemas/customers";
import { VENDOR_INFO } from "@/lib/vendors/catalog";
import { FormFooter } from "@/components/common/form-footer";

const KIND_LABELS: Record<string, string> = { company: "company", user: "user without a company", account: "account" };

/** "MSP360 company", "Rackspace account": what a vendor customer is, in our words. */
function vendorCustomerKind(v: Pick<VendorCustomerDto, "vendor" | "kind">): string {
  return `${VENDOR_INFO[v.vendor].shortLabel} ${KIND_LABELS[v.kind] ?? "customer"}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : "The server could not be reached.";
}

const editSchema = z.object({
  name: z.string().trim().min(1, "Give the customer a name.").max(200),
  overdueWindowHours: z.string().regex(/^\s*(\d{1,4})?\s*$/, "Whole hours, or empty for the default."),
});
type EditValues = z.infer<typeof editSchema>;

function EditCustomerForm({ customer, onDone }: { customer: CustomerDto; onDone: () => void }) {
  const update = useUpdateCustomer();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EditValues>({
    resolver: zodResolver(editSchema),
    defaultValues: { name: customer.name, overdueWindowHours: customer.overdueWindowHours?.toString() ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  async function onSubmit(values: EditValues) {
    setFormError(null);
    const hours = values.overdueWindowHours.trim() ? Number(values.overdueWindowHours) : null;
    try {
      await update.mutateAsync({ id: customer.id, body: { name: values.name, overdueWindowHours: hours } });
      toast.success("Customer saved", { description: values.name });
      onDone();
    } catch (error) {
      const fields = error instanceof ApiError ? Object.entries(error.fieldErrors()) : [];
      for (const [field, message] of fields) form.setError(field as keyof EditValues, { message });
      if (fields.length === 0) setFormError(errorText(error));
    }
  }
  return (
    <form className="grid gap-4" onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <FormError message={formError} />
      <FormField id="customer-name" label="Name" hint="How the customer reads on every page, filter and bill." error={errors.name?.message}>
        <Input id="customer-name" aria-invalid={!!errors.name} {...form.register("name")} />
      </FormField>
      <FormField
        id="customer-overdue"
        label="Overdue after (hours)"
        hint={`Hours without a successful backup before a plan counts as overdue. Empty: the default, ${DEFAULT_OVERDUE_WINDOW_HOURS} h.`}
        error={errors.overdueWindowHours?.message}
      >
        <Input id="customer-overdue" inputMode="numeric" placeholder={String(DEFAULT_OVERDUE_WINDOW_HOURS)} className="w-32" aria-invalid={!!errors.overdueWindowHours} {...form.register("overdueWindowHours")} />
      </FormField>
      <FormFooter onCancel={onDone} pending={isSubmitting} label="Save" />
    </form>
  );
}

/** Pick vendor customers of other customers to link to `target`. */
function LinkPicker({ target, onDone }: { target: CustomerDto; onDone: () => void }) {
  const all = useCustomers();
  const link = useLinkCustomers();
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const options = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (all.data?.items ?? [])
      .filter((c) => c.id !== target.id)
      .flatMap((c) => c.vendorCustomers.filter((v) => !v.removed).map((v) => ({ ...v, owner: c })))
      .filter((v) => !needle || [v.name, v.owner.name, v.connection.name].some((text) => text.toLowerCase().includes(needle)));
  }, [all.data, q, target.id]);
  async function submit() {
    try {
      await link.mutateAsync({ id: target.id, vendorCustomerIds: [...chosen] });
      toast.success(`Linked to ${target.name}`, { description: `${chosen.size} vendor customer${chosen.size === 1 ? "" : "s"}` });
      onDone();
    } catch (error) {
      toast.error("Could not link", { description: errorText(error) });
    }
  }
  return (
    <div className="grid gap-3">
      <SearchInput value={q} onChange={setQ} placeholder="Find a company, account or connection…" label="Find a vendor customer" className="w-full" />
      {all.isPending ? (
        <LoadingRows rows={3} />
      ) : all.isError ? (
        <LoadError error={all.error} onRetry={() => all.refetch()} />
      ) : options.length === 0 ? (
        <p className="py-6 text-center text-sm text-muted-foreground">Nothing to link{q ? ` matches “${q}”` : ""}.</p>
      ) : (
        <ul className="max-h-80 divide-y overflow-y-auto rounded-md border" aria-label="Vendor customers">
          {options.slice(0, 200).map((v) => (
            <li key={v.id}>
              <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-muted/50">
                <input
                  type="checkbox"
                  className="mt-1 size-4 accent-primary"
                  checked={chosen.has(v.id)}
                  onChange={(e) => setChosen((prev) => {
                    const next = new Set(prev);
                    if (e.target.checked) next.add(v.id);
                    else next.delete(v.id);
                    return next;
                  })}
                />
                <span className="grid min-w-0 flex-1 gap-0.5">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="truncate font-medium">{v.name}</span>
                    <VendorBadge vendor={v.vendor} />
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {vendorCustomerKind(v)} · {v.connection.name} · {formatNumber(v.endpointCount)} endpoint{v.endpointCount === 1 ? "" : "s"}
                    {v.owner.name !== v.name || v.owner.vendorCustomers.length > 1 ? ` · now part of ${v.owner.name}` : ""}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {options.length > 200 ? <p className="text-xs text-muted-foreground">The first 200 of {formatNumber(options.length)}: type to narrow down.</p> : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="button" disabled={chosen.size === 0 || link.isPending} onClick={submit}>
          <LinkIcon aria-hidden />
          Link {chosen.size || ""}
        </Button>
      </DialogFooter>
    </div>
  );
}

function Suggestions({ suggestions, dismissed }: { suggestions: CustomerSuggestionDto[]; dismissed: DismissedSuggestionDto[] }) {
  const link = useLinkCustomers();
  const dismiss = useDismissSuggestion();
  const restore = useRestoreSuggestion();
  const [busy, setBusy] = useState<string | null>(null);
  if (suggestions.length === 0 && dismissed.length === 0) return null;
  async function act(key: string, work: () => Promise<unknown>, done: string, failed: string) {
    setBusy(key);
    try {
      await work();
      toast.success(done);
    } catch (error) {
      toast.error(failed, { description: errorText(error) });
    } finally {
      setBusy(null);
    }
  }
  const accept = (s: CustomerSuggestionDto) =>
    act(s.merge.id, () => link.mutateAsync({ id: s.into.id, vendorCustomerIds: s.vendorCustomerIds }), `Linked: ${s.merge.name} is now part of ${s.into.name}.`, "Could not link");
  const notTheSame = (s: CustomerSuggestionDto) =>
    act(s.merge.id, () => dismiss.mutateAsync([s.into.id, s.merge.id]), `${s.merge.name} and ${s.into.name} will not be suggested again.`, "Could not dismiss");
  const undo = (d: DismissedSuggestionDto) => act(d.id, () => restore.mutateAsync(d.id), "Suggested again while the names stay alike.", "Could not undo");
  const side = (c: Pick<CustomerSuggestionDto["into"], "name" | "vendors">) => (
    <span className="inline-flex min-w-0 flex-wrap items-center gap-1.5">
      <span className="font-medium">{c.name}</span>
      {c.vendors.map((v) => (
        <VendorBadge key={v} vendor={v} />
      ))}
    </span>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          <SparklesIcon className="size-4 text-primary" aria-hidden />
          Suggested links
        </CardTitle>
        <CardDescription>
          {suggestions.length
            ? "These customers have alike names at different connections. Linking makes them one customer; “Not the same” stops suggesting the pair."
            : "No suggestions now."}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {suggestions.length ? (
          <ul className="divide-y" aria-label="Suggested links">
            {suggestions.map((s) => (
              <li key={`${s.into.id}|${s.merge.id}`} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                  {side(s.merge)}
                  <span className="text-muted-foreground">into</span>
                  {side(s.into)}
                  <span className="text-xs text-muted-foreground">{Math.round(s.similarity * 100)}% alike</span>
                </span>
                <span className="flex gap-2">
                  <Button size="sm" variant="outline" onClick={() => notTheSame(s)} disabled={busy !== null} aria-label={`${s.merge.name} and ${s.into.name} are not the same customer`}>
                    <XIcon aria-hidden />
                    Not the same
                  </Button>
                  <Button size="sm" onClick={() => accept(s)} disabled={busy !== null} aria-label={`Link ${s.merge.name} into ${s.into.name}`}>
                    <LinkIcon aria-hidden />
                    Link
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {dismissed.length ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-muted-foreground">Dismissed suggestions ({formatNumber(dismissed.length)})</summary>
            <ul className="mt-2 divide-y" aria-label="Dismissed suggestions">
              {dismissed.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                  <span className="grid gap-1">
                    <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                      {side(d.customers[0]!)}
                      <span className="text-muted-foreground">and</span>
                      {side(d.customers[1]!)}
                    </span>
                    <span className="text-xs text-muted-foreground">Not the same, said {d.dismissedBy}</span>
                  </span>
                  <Button size="sm" variant="ghost" onClick={() => undo(d)} disabled={busy !== null} aria-label={`Suggest ${d.customers[0]?.name} and ${d.customers[1]?.name} again`}>
                    <Undo2Icon aria-hidden />
                    Undo
                  </Button>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}

function CustomerRow({ customer, canEdit, onEdit, onLink }: { customer: CustomerDto; canEdit: boolean; onEdit: () => void; onLink: () => void }) {
  const unlink = useUnlinkCustomer();
  async function remove(v: VendorCustomerDto) {
    try {
      await unlink.mutateAsync({ id: customer.id, vendorCustomerId: v.id });
      toast.success("Unlinked", { description: `${v.name} is a customer of its own again.` });
    } catch (error) {
      toast.error("Could not unlink", { description: errorText(error) });
    }
  }
  return (
    <li className="grid gap-2 px-4 py-3" data-testid="customer-row">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid min-w-0 gap-1">
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/agents?customerId=${encodeURIComponent(customer.id)}`} className="truncate font-medium hover:underline">
              {customer.name}
            </Link>
            {customer.vendors.map((v) => (
              <VendorBadge key={v} vendor={v} />
            ))}
          </span>
          <span className="text-xs text-muted-foreground">
            {formatNumber(customer.endpointCount)} endpoint{customer.endpointCount === 1 ? "" : "s"} · overdue after{" "}
            {customer.overdueWindowHours ? `${customer.overdueWindowHours} h` : `${DEFAULT_OVERDUE_WINDOW_HOURS} h (default)`}
          </span>
        </div>
        {canEdit ? (
          <div className="flex gap-2">
            <Button variant="outline" size="sm" onClick={onEdit} aria-label={`Rename or set up ${customer.name}`}>
              <PencilIcon aria-hidden />
              Edit
            </Button>
            <Button variant="outline" size="sm" onClick={onLink} aria-label={`Link vendor customers to ${customer.name}`}>
              <LinkIcon aria-hidden />
              Link…
            </Button>
          </div>
        ) : null}
      </div>
      <ul className="grid gap-1" aria-label={`Linked to ${customer.name}`}>
        {customer.vendorCustomers.map((v) => (
          <li key={v.id} className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <span className="text-muted-foreground">{vendorCustomerKind(v)}</span>
            <span className={v.removed ? "text-muted-foreground line-through" : undefined}>{v.name}</span>
            <span className="text-xs text-muted-foreground">
              {v.connection.name} · {formatNumber(v.endpointCount)} endpoint{v.endpointCount === 1 ? "" : "s"}
              {v.removed ? " · no longer listed by the vendor" : ""}
            </span>
            {canEdit && customer.vendorCustomers.length > 1 ? (
              <Button variant="ghost" size="sm" className="h-7 px-2" onClick={() => remove(v)} disabled={unlink.isPending} aria-label={`Unlink ${v.name} from ${customer.name}`}>
                <UnlinkIcon aria-hidden />
                Unlink
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function CustomersManager({ canEdit }: { canEdit: boolean }) {
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const customers = useCustomerPage({ q: q || undefined, page, pageSize });
  const suggestions = useCustomerSuggestions(canEdit);
  const dismissed = useDismissedSuggestions(canEdit);
  const [editing, setEditing] = useState<CustomerDto | null>(null);
  const [linking, setLinking] = useState<CustomerDto | null>(null);

  return (
    <div className="grid grid-cols-1 gap-4">
      {canEdit && suggestions.data ? <Suggestions suggestions={suggestions.data} dismissed={dismissed.data ?? []} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SearchInput
          value={q}
          onChange={(next) => {
            setQ(next);
            setPage(1);
          }}
          placeholder="Find a customer, company or account…"
          label="Find a customer"
          className="w-full sm:w-80"
        />
      </div>
      {customers.isPending ? (
        <LoadingRows />
      ) : customers.isError ? (
        <LoadError error={customers.error} onRetry={() => customers.refetch()} />
      ) : customers.data.total === 0 ? (
        <EmptyState
          icon={Building2Icon}
          title={q ? "No customer matches" : "No customers yet"}
          description={q ? `Nothing matches “${q}”.` : "Customers appear after the first sync of a connection: each MSP360 company and Rackspace account is one until you link them."}
        />
      ) : (
        <Card className="py-0">
          <ul className="divide-y" aria-label="Customers">
            {customers.data.items.map((customer) => (
              <CustomerRow key={customer.id} customer={customer} canEdit={canEdit} onEdit={() => setEditing(customer)} onLink={() => setLinking(customer)} />
            ))}
          </ul>
        </Card>
      )}
      {customers.data && customers.data.total > 0 ? (
        <Pagination page={page} pageSize={pageSize} total={customers.data.total} onPageChange={setPage} onPageSizeChange={(size) => (setPageSize(size), setPage(1))} noun="customers" />
      ) : null}

      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Edit {editing?.name}</DialogTitle>
            <DialogDescription>The name replaces the vendors&apos; names everywhere; the vendors keep theirs.</DialogDescription>
          </DialogHeader>
          {editing ? <EditCustomerForm customer={editing} onDone={() => setEditing(null)} /> : null}
        </DialogContent>
      </Dialog>

      <Dialog open={linking !== null} onOpenChange={(open) => !open && setLinking(null)}>
        <DialogContent className="sm:max-w-xl">
          <DialogHeader>
            <DialogTitle>Link to {linking?.name}</DialogTitle>
            <DialogDescription>
              The vendor customers you pick become part of this customer: their endpoints, plans, runs and storage count here. A customer left with none
              is removed.
            </DialogDescription>
          </DialogHeader>
          {linking ? <LinkPicker target={linking} onDone={() => setLinking(null)} /> : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}
