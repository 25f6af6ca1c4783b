"use client";
// The filter controls the data pages share. Each is a labelled native control (or a menu of checkboxes for
// statuses), bound to one URL parameter through useUrlState.
import type { ReactNode } from "react";
import { DropdownMenu as Menu } from "radix-ui";
import { CheckIcon, ChevronDownIcon, FilterXIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { VENDOR_INFO, VENDORS, type Vendor } from "@/lib/vendors/catalog";
import { useCustomers } from "@/lib/queries/customers";
import { useSyncStatus } from "@/lib/queries/sync";
import { NO_SUCCESS_HOURS } from "@/lib/schemas/overview";
import { cn } from "@/lib/utils";
import { statusStyle, type DisplayStatus } from "./status-badge";

export function FilterBar({ children, onClear, active, className }: { children: ReactNode; onClear?: () => void; active?: boolean; className?: string }) {
  return (
    <form role="search" aria-label="Filters" onSubmit={(e) => e.preventDefault()} className={cn("flex flex-wrap items-end gap-2", className)}>
      {children}
      {onClear && active ? (
        <Button type="button" variant="ghost" size="sm" className="h-9" onClick={onClear}>
          <FilterXIcon aria-hidden />
          Clear filters
        </Button>
      ) : null}
    </form>
  );
}

function Field({ label, htmlFor, children, className }: { label: string; htmlFor: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("grid gap-1", className)}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {children}
    </div>
  );
}

export function SelectFilter({
  id,
  label,
  value,
  onChange,
  options,
  anyLabel = "All",
  className,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  anyLabel?: string;
  className?: string;
}) {
  return (
    <Field label={label} htmlFor={id} className={className}>
      <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value)} className={cn(value && "border-primary/60 bg-primary/5")}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {value && !options.some((o) => o.value === value) ? <option value={value}>{value}</option> : null}
      </NativeSelect>
    </Field>
  );
}

export function VendorFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <SelectFilter
      id="f-vendor"
      label="Vendor"
      value={value}
      onChange={onChange}
      anyLabel="All vendors"
      className="w-36"
      options={VENDORS.map((v) => ({ value: v, label: VENDOR_INFO[v].shortLabel }))}
    />
  );
}

export function ConnectionFilter({ value, onChange, vendor }: { value: string; onChange: (value: string) => void; vendor?: string }) {
  const sync = useSyncStatus();
  const connections = (sync.data ?? []).filter((c) => !vendor || c.connection.vendor === vendor);
  return (
    <SelectFilter
      id="f-connection"
      label="Connection"
      value={value}
      onChange={onChange}
      anyLabel="All connections"
      className="w-44"
      options={connections.map((c) => ({ value: c.connection.id, label: c.connection.name }))}
    />
  );
}

export function CustomerFilter({ value, onChange, vendor }: { value: string; onChange: (value: string) => void; vendor?: string }) {
  const customers = useCustomers(vendor ? { vendor } : {});
  const items = customers.data?.items ?? [];
  const sameName = new Set(items.filter((c, i) => items.findIndex((o) => o.name === c.name) !== i).map((c) => c.name));
  // Two customers of one name are told apart by their vendors ("Acme (MSP360)", "Acme (Rackspace)").
  const vendorsOf = (vendors: string[]) => vendors.map((v) => VENDOR_INFO[v as Vendor]?.shortLabel ?? v).join(" + ");
  return (
    <SelectFilter
      id="f-customer"
      label="Customer"
      value={value}
      onChange={onChange}
      anyLabel={customers.isPending ? "Loading…" : "All customers"}
      className="w-52"
      options={items.map((c) => ({
        value: c.id,
        label: sameName.has(c.name) ? `${c.name} (${vendorsOf(c.vendors)})` : c.name,
      }))}
    />
  );
}

/** Several statuses at once, as a menu of checkboxes: "Status: Failed, Missed". */
export function StatusFilter({
  value,
  onChange,
  statuses,
  label = "Status",
}: {
  value: string[];
  onChange: (value: string[]) => void;
  statuses: readonly DisplayStatus[];
  label?: string;
}) {
  const summary =
    value.length === 0 ? "Any status" : value.length <= 2 ? value.map((s) => statusStyle(s).label).join(", ") : `${value.length} statuses`;
  return (
    <div className="grid gap-1">
      <span className="text-xs font-medium text-muted-foreground" id="f-status-label">
        {label}
      </span>
      <Menu.Root modal={false}>
        <Menu.Trigger asChild>
          <Button
            type="button"
            variant="outline"
            aria-labelledby="f-status-label"
            aria-describedby="f-status-value"
            className={cn("h-9 w-40 justify-between px-3 font-normal", value.length > 0 && "border-primary/60 bg-primary/5")}
          >
            <span id="f-status-value" className="truncate">
              {summary}
            </span>
            <ChevronDownIcon className="opacity-60" aria-hidden />
          </Button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content align="start" sideOffset={6} className="z-50 min-w-48 rounded-md border bg-popover p-1 text-popover-foreground shadow-md">
            {statuses.map((status) => {
              const style = statusStyle(status);
              const Icon = style.icon;
              const checked = value.includes(status);
              return (
                <Menu.CheckboxItem
                  key={status}
                  checked={checked}
                  onSelect={(e) => e.preventDefault()}
                  onCheckedChange={(next) => onChange(next ? [...value, status] : value.filter((s) => s !== status))}
                  className="relative flex cursor-default select-none items-center gap-2 rounded-sm py-1.5 pl-7 pr-2 text-sm outline-none data-[highlighted]:bg-accent"
                >
                  <Menu.ItemIndicator className="absolute left-2 flex size-4 items-center justify-center">
                    <CheckIcon className="size-4" aria-hidden />
                  </Menu.ItemIndicator>
                  <Icon className={cn("size-4", style.text)} aria-hidden />
                  {style.label}
                </Menu.CheckboxItem>
              );
            })}
            {value.length > 0 ? (
              <>
                <Menu.Separator className="-mx-1 my-1 h-px bg-border" />
                <Menu.Item
                  onSelect={() => onChange([])}
                  className="flex cursor-default select-none items-center rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-accent"
                >
                  Any status
                </Menu.Item>
              </>
            ) : null}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </div>
  );
}

export function FieldLabel({ label, htmlFor, children, className }: { label: string; htmlFor: string; children: ReactNode; className?: string }) {
  return (
    <Field label={label} htmlFor={htmlFor} className={className}>
      {children}
    </Field>
  );
}

/** A filter set from elsewhere (a grid cell, a detail page) that has no control of its own: shown, and removable. */
export function FilterChip({ label, value, onRemove }: { label: string; value: ReactNode; onRemove: () => void }) {
  return (
    <div className="grid gap-1">
      <span className="text-xs font-medium text-muted-foreground">{label}</span>
      <span className="inline-flex h-9 max-w-72 items-center gap-1 rounded-md border border-primary/60 bg-primary/5 pl-3 pr-1 text-sm">
        <span className="truncate">{value}</span>
        <button
          type="button"
          className="rounded-sm p-1 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          onClick={onRemove}
          aria-label={`Remove the ${label.toLowerCase()} filter`}
        >
          <XIcon className="size-3.5" aria-hidden />
        </button>
      </span>
    </div>
  );
}

/** "No successful backup for more than 24/48/72 h" (never included), bound to `noSuccessFor`. */
export function NoSuccessFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <SelectFilter
      id="f-no-success"
      label="Last good backup"
      value={value}
      onChange={onChange}
      anyLabel="Any time"
      className="w-48"
      options={NO_SUCCESS_HOURS.map((hours) => ({ value: String(hours), label: `Over ${hours} h ago or never` }))}
    />
  );
}
