"use client";
// Storage and cost per customer or endpoint, for a month (default: this month) or a range of months, across
// vendors; a storage growth chart; and the CSV export of the same report.
import { useMemo, type ReactNode } from "react";
import { DownloadIcon, InfoIcon, ReceiptIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { CustomerFilter, FieldLabel, FilterBar, VendorFilter } from "@/components/common/filters";
import { ListEmpty } from "@/components/common/list-empty";
import { LoadError } from "@/components/common/query-state";
import { SearchInput } from "@/components/common/search-input";
import { StaleBanner } from "@/components/common/stale";
import { useUrlState } from "@/components/common/use-url-state";
import { currentMonth, formatBytes, formatMoney, formatPeriod, plural } from "@/lib/format";
import { usageUrl, useUsage } from "@/lib/queries/usage";
import { VENDOR_INFO, VENDORS, type Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";
import { customerRows, foldLines, mergeByCustomer, totals, type UsageLine } from "./aggregate";
import { USAGE_ROWS_LIMIT } from "@/lib/queries/usage";
import { UsageChart } from "./usage-chart";
import { UsageTable, type UsageSort } from "./usage-table";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function Stat({ label, value, sub, testId }: { label: string; value: ReactNode; sub?: ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardContent className="grid gap-1 p-5">
        <span className="text-sm text-muted-foreground">{label}</span>
        <span className="text-2xl font-bold tabular-nums">{value}</span>
        {sub ? <span className="text-xs text-muted-foreground">{sub}</span> : null}
      </CardContent>
    </Card>
  );
}

export function BillingView() {
  const url = useUrlState();
  const thisMonth = currentMonth();
  const range = url.get("mode") === "range";
  const by = url.get("by") === "endpoint" ? "endpoint" : "customer";
  const period = MONTH.test(url.get("period")) ? url.get("period") : thisMonth;
  const from = MONTH.test(url.get("from")) ? url.get("from") : "";
  const to = MONTH.test(url.get("to")) ? url.get("to") : "";
  const vendor = url.get("vendor");
  const customerId = url.get("customerId");
  const q = url.get("q");
  const sort = (["name", "storage", "cost"].includes(url.get("sort")) ? url.get("sort") : "storage") as UsageSort;
  const order = url.get("order") === "asc" ? "asc" : url.get("order") === "desc" ? "desc" : sort === "name" ? "asc" : "desc";

  // A range needs at least one end; with neither it falls back to the month.
  const when = range && (from || to) ? { from: from || undefined, to: to || undefined } : { period };
  const scope = { ...when, vendor: vendor || undefined, customerId: customerId || undefined };
  const endpointReport = useUsage({ ...scope, groupBy: "endpoint" });
  const customerReport = useUsage({ ...scope, groupBy: "customer" }, { enabled: by === "customer" });
  const active = by === "customer" ? customerReport : endpointReport;
  const isPending = endpointReport.isPending || (by === "customer" && customerReport.isPending);
  const error = endpointReport.error ?? (by === "customer" ? customerReport.error : null);

  const allLines = useMemo<UsageLine[]>(() => {
    if (!endpointReport.data || (by === "customer" && !customerReport.data)) return [];
    const items = by === "customer" ? customerRows(customerReport.data!.items, endpointReport.data.items) : endpointReport.data.items;
    return by === "customer" ? mergeByCustomer(foldLines(items, by)) : foldLines(items, by);
  }, [by, customerReport.data, endpointReport.data]);

  const lines = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const filtered = needle ? allLines.filter((l) => [l.customer, l.endpoint, l.connection].some((v) => v?.toLowerCase().includes(needle))) : allLines;
    const name = (l: UsageLine) => (by === "customer" ? (l.customer ?? "") : (l.endpoint ?? "")).toLowerCase();
    const dir = order === "asc" ? 1 : -1;
    return [...filtered].sort((a, b) => {
      const diff = sort === "name" ? name(a).localeCompare(name(b)) : sort === "cost" ? (a.cost ?? -1) - (b.cost ?? -1) : a.storageBytes - b.storageBytes;
      return diff * dir || name(a).localeCompare(name(b));
    });
  }, [allLines, by, order, q, sort]);

  const sum = totals(lines);
  const vendorsWithoutEndpointRows =
    by === "endpoint" && endpointReport.data && !isPending
      ? VENDORS.filter((v) => (!vendor || vendor === v) && !endpointReport.data!.items.some((i) => i.vendor === v))
      : [];
  const rolledUpVendors = by === "customer" ? [...new Set(lines.flatMap((l) => l.parts ?? [l]).filter((l) => l.rolledUp).map((l) => l.vendor))] : [];
  const csvHref = usageUrl({ ...scope, groupBy: by, format: "csv" });
  const label = range && (from || to) ? `${from ? formatPeriod(from) : "the start"} – ${to ? formatPeriod(to) : "now"}` : formatPeriod(period);
  const filtered = !!(vendor || customerId || q);
  const truncated = [endpointReport.data, by === "customer" ? customerReport.data : undefined].some((d) => d && d.total > d.items.length);

  return (
    <div className="grid grid-cols-1 gap-4">
      <StaleBanner />
      {truncated ? (
        <p className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          Showing the {USAGE_ROWS_LIMIT.toLocaleString()} largest rows of this period; the CSV export has all of them.
        </p>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterBar onClear={() => url.set({ vendor: null, customerId: null, q: null })} active={filtered}>
          <div className="grid gap-1">
            <span className="text-xs font-medium text-muted-foreground">Period</span>
            <div className="inline-flex h-9 rounded-md border bg-card p-0.5" role="group" aria-label="Period">
              {(["month", "range"] as const).map((mode) => (
                <button
                  key={mode}
                  type="button"
                  aria-pressed={(mode === "range") === range}
                  onClick={() => url.set(mode === "range" ? { mode: "range", from: from || period, to: to || period } : { mode: null, from: null, to: null })}
                  className={cn(
                    "rounded-[5px] px-3 text-sm font-medium text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    (mode === "range") === range && "bg-primary text-primary-foreground hover:text-primary-foreground",
                  )}
                >
                  {mode === "month" ? "Month" : "Range"}
                </button>
              ))}
            </div>
          </div>
          {range ? (
            <>
              <FieldLabel label="From month" htmlFor="f-from-month">
                <Input id="f-from-month" type="month" className="w-44" value={from} max={to || thisMonth} onChange={(e) => url.set({ from: e.target.value })} />
              </FieldLabel>
              <FieldLabel label="To month" htmlFor="f-to-month">
                <Input id="f-to-month" type="month" className="w-44" value={to} min={from || undefined} max={thisMonth} onChange={(e) => url.set({ to: e.target.value })} />
              </FieldLabel>
            </>
          ) : (
            <FieldLabel label="Month" htmlFor="f-month">
              <Input id="f-month" type="month" className="w-44" value={period} max={thisMonth} onChange={(e) => url.set({ period: e.target.value && e.target.value !== thisMonth ? e.target.value : null })} />
            </FieldLabel>
          )}
          <VendorFilter value={vendor} onChange={(v) => url.set({ vendor: v, customerId: null })} />
          <CustomerFilter value={customerId} vendor={vendor} onChange={(c) => url.set({ customerId: c })} />
        </FilterBar>
        <Button asChild variant="outline">
          <a href={csvHref} download data-testid="csv-export">
            <DownloadIcon aria-hidden />
            Export CSV
          </a>
        </Button>
      </div>

      {error && !active.data ? <LoadError error={error} onRetry={() => void (endpointReport.refetch(), customerReport.refetch())} /> : null}

      <section aria-label="Totals" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          testId="total-storage"
          label={range ? "Storage (latest month)" : `Storage, ${label}`}
          value={isPending ? <Skeleton className="h-8 w-28" /> : formatBytes(sum.storageBytes)}
          sub={isPending ? null : plural(lines.length, by)}
        />
        <Stat testId="total-cost" label={range ? `Cost, ${label}` : `Cost, ${label}`} value={isPending ? <Skeleton className="h-8 w-28" /> : formatMoney(sum.cost)} sub="as billed by the vendors (USD)" />
        {VENDORS.filter((v) => !vendor || vendor === v).map((v) => {
          const t = sum.byVendor.get(v);
          return (
            <Stat
              key={v}
              label={VENDOR_INFO[v].label}
              value={isPending ? <Skeleton className="h-8 w-24" /> : t ? formatBytes(t.storageBytes) : "—"}
              sub={
                isPending ? null : t ? (
                  <span className="flex items-center gap-1.5">
                    <VendorBadge vendor={v as Vendor} className="px-1.5 py-0 text-[10px]" />
                    {plural(t.lines, by)} · {t.cost === null ? "no cost reported" : formatMoney(t.cost)}
                  </span>
                ) : (
                  "nothing reported"
                )
              }
            />
          );
        })}
      </section>

      <UsageChart vendor={vendor || undefined} customerId={customerId || undefined} />

      <div className="flex flex-wrap items-end justify-between gap-3">
        <Tabs value={by} onValueChange={(next) => url.set({ by: next === "customer" ? null : next, sort: null, order: null })}>
          <TabsList>
            <TabsTrigger value="customer" withoutPanel>Per customer</TabsTrigger>
            <TabsTrigger value="endpoint" withoutPanel>Per endpoint</TabsTrigger>
          </TabsList>
        </Tabs>
        <SearchInput value={q} onChange={(next) => url.set({ q: next })} placeholder={by === "customer" ? "Find a customer…" : "Find an endpoint or customer…"} className="w-64" />
      </div>
      {vendorsWithoutEndpointRows.length > 0 || rolledUpVendors.length > 0 ? (
        <Alert variant="info">
          <InfoIcon aria-hidden />
          <span>
            {vendorsWithoutEndpointRows.length > 0
              ? `${vendorsWithoutEndpointRows.map((v) => VENDOR_INFO[v].shortLabel).join(" and ")} reports storage per customer, not per endpoint: see "Per customer".`
              : `${rolledUpVendors.map((v) => VENDOR_INFO[v as Vendor]?.shortLabel ?? v).join(" and ")} reports storage per endpoint; its customers' storage is the sum of their endpoints.`}
          </span>
        </Alert>
      ) : null}
      {isPending ? (
        <div className="grid gap-2">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      ) : lines.length === 0 ? (
        <ListEmpty
          icon={ReceiptIcon}
          filtered={filtered}
          onClear={() => url.set({ vendor: null, customerId: null, q: null })}
          noun={by === "customer" ? "customers" : "endpoints"}
          emptyTitle={`No usage for ${label}`}
          emptyDescription="The vendors reported no storage for this period. Pick another month, or wait for the next sync."
        />
      ) : (
        <UsageTable lines={lines} by={by} range={range && !!(from || to)} sort={sort} order={order} onSort={(s, o) => url.set({ sort: s, order: o })} />
      )}
      {range && (from || to) ? <p className="text-xs text-muted-foreground">Latest: storage in the latest month of the range that has data. Peak: the highest month. Cost: the sum of the months.</p> : null}
    </div>
  );
}
