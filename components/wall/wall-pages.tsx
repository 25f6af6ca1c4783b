"use client";
// The wall's pages: the attention queue, every customer, the jobs running now and storage per customer. Sizes
// are in em of the wall's type size (which follows the screen), so each page fills a 1280 px laptop and a 4K
// screen alike and shows what fits, with "+N more" for the rest. Every status has its icon and word, never
// only its colour; nothing is behind a hover.
import { format, formatDistanceStrict } from "date-fns";
import { CircleCheckIcon, DatabaseIcon, HardDriveDownloadIcon, HistoryIcon, LoaderCircleIcon, WrenchIcon } from "lucide-react";
import { statusStyle } from "@/components/common/status-badge";
import { formatBytes, formatNumber, localizeTimestamps, plural } from "@/lib/format";
import type { WallDto } from "@/lib/queries/wall";
import { VENDOR_INFO, type Vendor } from "@/lib/vendors/catalog";
import { cn } from "@/lib/utils";
import { useFit } from "./use-fit";

type Item = WallDto["items"][number];
type Planned = WallDto["planned"][number];

const vendorLabel = (vendor: string) => VENDOR_INFO[vendor as Vendor]?.shortLabel ?? vendor;

function sinceText(item: Item, now: number): string {
  if (!item.since) return "";
  const ago = formatDistanceStrict(new Date(item.since), Math.max(now, Date.parse(item.since)), { addSuffix: true });
  switch (item.status) {
    case "missed":
      return `missed since ${ago}`;
    case "overdue":
      return `last success ${ago}`;
    case "offline":
      return `last seen ${ago}`;
    case "stale":
      return `last good sync ${ago}`;
    default:
      return `last run ${ago}`;
  }
}

function StatusWord({ status, className }: { status: string; className?: string }) {
  const style = statusStyle(status);
  const Icon = style.icon;
  return (
    <span data-status={status} className={cn("inline-flex items-center gap-[0.3em] rounded-[0.25em] px-[0.35em] py-[0.05em] font-semibold whitespace-nowrap", style.badge, className)}>
      <Icon className="size-[1em] shrink-0" aria-hidden />
      {style.label}
    </span>
  );
}

function MoreLine({ count, what }: { count: number; what: string }) {
  if (count <= 0) return null;
  return (
    <p data-testid="wall-more" className="shrink-0 pt-[0.3em] text-[0.8em] font-semibold text-muted-foreground">
      +{formatNumber(count)} more {what}
    </p>
  );
}

export function PlannedRow({ window: w }: { window: Planned }) {
  return (
    <li data-testid="wall-planned" className="flex items-center gap-[0.6em] rounded-[0.3em] border border-dashed border-sky-400/50 bg-sky-500/10 px-[0.5em] py-[0.25em]">
      <span className="inline-flex items-center gap-[0.3em] font-semibold whitespace-nowrap text-sky-300">
        <WrenchIcon className="size-[1em]" aria-hidden />
        Planned
      </span>
      <span className="min-w-0 truncate font-semibold">{w.target.name}</span>
      <span className="min-w-0 truncate text-[0.8em] text-muted-foreground">{w.reason}</span>
      <span className="ml-auto text-[0.8em] whitespace-nowrap text-muted-foreground">
        until {format(new Date(w.endsAt), "HH:mm")}
        {w.hiddenProblems ? ` · ${plural(w.hiddenProblems, "problem")} held back` : ""}
      </span>
    </li>
  );
}

export function AttentionPage({ data, now, fresh }: { data: WallDto; now: number; fresh: Set<string> }) {
  // A row is one line of 1em text with its padding: 1.9em; the gap between rows 0.25em.
  const [box, fit] = useFit({ heightEm: 1.9, gapEm: 0.25 });
  // The "+N more" line sits below the measured list: every slot that fits is a row.
  const shown = data.items.slice(0, fit);
  const planned = data.planned.slice(0, 3);
  if (data.items.length === 0) {
    return (
      <div className="flex min-h-0 flex-1 flex-col gap-[0.5em]">
        <div data-testid="wall-all-clear" className="flex flex-1 flex-col items-center justify-center gap-[0.3em] text-center">
          <CircleCheckIcon className="size-[3em] text-success" aria-hidden />
          <p className="text-[2em] font-bold">All clear</p>
          <p className="text-[0.9em] text-muted-foreground">No overdue, failed, missed or offline backups{data.planned.length ? "; planned maintenance below" : ""}.</p>
        </div>
        {planned.length ? <ul className="grid shrink-0 gap-[0.25em] text-[0.8em]">{planned.map((w) => <PlannedRow key={w.id} window={w} />)}</ul> : null}
      </div>
    );
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ul ref={box} aria-label="Needs attention" className="flex min-h-0 flex-1 flex-col gap-[0.25em] overflow-hidden">
        {shown.map((item) => {
          const key = `${item.kind}-${item.id}`;
          return (
            <li
              key={key}
              data-testid="wall-item"
              className={cn("grid h-[1.9em] shrink-0 grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-[0.6em] rounded-[0.3em] bg-card px-[0.4em]", fresh.has(key) && "ring-[0.12em] ring-foreground")}
            >
              <span className="flex items-center gap-[0.4em]">
                {fresh.has(key) ? <span className="rounded-[0.2em] bg-foreground px-[0.3em] text-[0.7em] font-bold text-background">NEW</span> : null}
                <StatusWord status={item.status} />
              </span>
              <span className="flex min-w-0 items-baseline gap-[0.5em] truncate">
                <span className="truncate font-semibold">{item.title}</span>
                {item.kind === "configuration" && item.endpoint ? <span className="hidden truncate text-[0.8em] text-muted-foreground sm:inline">on {item.endpoint.name}</span> : null}
                {item.customer ? <span className="hidden truncate text-[0.8em] text-muted-foreground sm:inline">· {item.customer.name}</span> : null}
                {item.kind === "connection" && item.detail ? <span className="truncate text-[0.8em] text-muted-foreground">· {localizeTimestamps(item.detail)}</span> : null}
              </span>
              <span className="hidden text-[0.8em] whitespace-nowrap text-muted-foreground sm:inline">
                {[vendorLabel(item.vendor), sinceText(item, now)].filter(Boolean).join(" · ")}
              </span>
            </li>
          );
        })}
      </ul>
      <MoreLine count={data.totalItems - shown.length} what={data.totalItems - shown.length === 1 ? "item needs attention" : "items need attention"} />
      {planned.length ? (
        <ul aria-label="Planned maintenance" className="mt-[0.4em] grid shrink-0 gap-[0.25em] text-[0.8em]">
          {planned.map((w) => (
            <PlannedRow key={w.id} window={w} />
          ))}
          {data.planned.length > planned.length ? <li className="text-muted-foreground">+{data.planned.length - planned.length} more planned</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

type CustomerRow = WallDto["customers"][number];

function worstOf(c: CustomerRow): string {
  if (c.failed) return "failed";
  if (c.overdue) return "overdue";
  if (c.missed) return "missed";
  if (c.offline) return "offline";
  if (c.warning) return "warning";
  return "success";
}

/** Tailwind sees only whole class names: one per status. */
const TILE_BORDER: Record<string, string> = {
  failed: "border-destructive",
  overdue: "border-destructive",
  missed: "border-orange-500",
  offline: "border-violet-500",
  warning: "border-warning",
  success: "border-success",
  planned: "border-sky-400",
};

export function CustomersPage({ data }: { data: WallDto }) {
  const [box, fit] = useFit({ heightEm: 3.2, minWidthEm: 11, gapEm: 0.35 });
  const shown = data.customers.slice(0, fit);
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ul ref={box} aria-label="Customers" className="grid min-h-0 flex-1 auto-rows-[3.2em] grid-cols-[repeat(auto-fill,minmax(11em,1fr))] content-start gap-[0.35em] overflow-hidden">
        {shown.map((c) => {
          const worst = c.planned && worstOf(c) === "success" ? "planned" : worstOf(c);
          const problems = [c.overdue && `${c.overdue} overdue`, c.failed && `${c.failed} failed`, c.missed && `${c.missed} missed`, c.offline && `${c.offline} offline`, c.warning && `${c.warning} warning`].filter(Boolean);
          return (
            <li
              key={c.customer.id}
              data-testid="wall-customer"
              className={cn("flex min-w-0 flex-col justify-center rounded-[0.3em] border-l-[0.3em] bg-card px-[0.45em]", TILE_BORDER[worst])}
            >
              <span className="truncate text-[0.85em] font-semibold">{c.customer.name}</span>
              <span className="flex min-w-0 items-center gap-[0.35em] text-[0.75em]">
                {worst === "planned" ? (
                  <span className="inline-flex items-center gap-[0.3em] font-semibold text-sky-300">
                    <WrenchIcon className="size-[1em]" aria-hidden />
                    Planned
                  </span>
                ) : (
                  <StatusWord status={worst} className={worst === "success" ? "bg-transparent px-0" : undefined} />
                )}
                <span className="truncate text-muted-foreground">{problems.length ? problems.join(" · ") : plural(c.endpoints, "endpoint")}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <MoreLine count={data.counts.customers - shown.length} what={data.counts.customers - shown.length === 1 ? "customer" : "customers"} />
    </div>
  );
}

export function RunningPage({ data, now }: { data: WallDto; now: number }) {
  const [box, fit] = useFit({ heightEm: 1.9, gapEm: 0.25 });
  const shown = data.running.slice(0, fit);
  if (data.runningTotal === 0) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-[0.3em] text-muted-foreground">
        <HistoryIcon className="size-[2.5em]" aria-hidden />
        <p className="text-[1.4em] font-semibold">Nothing running right now</p>
      </div>
    );
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ul ref={box} aria-label="Running now" className="flex min-h-0 flex-1 flex-col gap-[0.25em] overflow-hidden">
        {shown.map((run) => {
          const Icon = run.type === "restore" ? HardDriveDownloadIcon : LoaderCircleIcon;
          return (
            <li key={run.id} data-testid="wall-running" className="grid h-[1.9em] shrink-0 grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-[0.6em] rounded-[0.3em] bg-card px-[0.4em]">
              <span className="inline-flex items-center gap-[0.3em] rounded-[0.25em] bg-primary/15 px-[0.35em] font-semibold text-primary capitalize">
                <Icon className="size-[1em]" aria-hidden />
                {run.type}
              </span>
              <span className="flex min-w-0 items-baseline gap-[0.5em] truncate">
                <span className="truncate font-semibold">{run.plan ?? run.endpoint}</span>
                {run.plan ? <span className="truncate text-[0.8em] text-muted-foreground">on {run.endpoint}</span> : null}
                {run.customer ? <span className="truncate text-[0.8em] text-muted-foreground">· {run.customer}</span> : null}
              </span>
              <span className="hidden text-[0.8em] whitespace-nowrap text-muted-foreground sm:inline">
                {vendorLabel(run.vendor)} · running for {formatDistanceStrict(new Date(run.startedAt), Math.max(now, Date.parse(run.startedAt)))}
              </span>
            </li>
          );
        })}
      </ul>
      <MoreLine count={data.runningTotal - shown.length} what="running" />
    </div>
  );
}

export function StoragePage({ data }: { data: WallDto }) {
  const [box, fit] = useFit({ heightEm: 1.9, gapEm: 0.25 });
  const shown = data.storage.slice(0, fit);
  const top = Math.max(...data.storage.map((s) => s.bytes), 1);
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <p className="mb-[0.3em] flex shrink-0 items-center gap-[0.4em] text-[0.85em] text-muted-foreground">
        <DatabaseIcon className="size-[1em]" aria-hidden />
        {formatBytes(data.storageTotal)} stored for {plural(data.counts.customers, "customer")}, largest first
      </p>
      <ul ref={box} aria-label="Storage per customer" className="flex min-h-0 flex-1 flex-col gap-[0.25em] overflow-hidden">
        {shown.map((row) => (
          <li key={row.customer.id} className="grid h-[1.9em] shrink-0 grid-cols-[minmax(0,14em)_minmax(0,1fr)_6em] items-center gap-[0.6em] rounded-[0.3em] bg-card px-[0.4em]">
            <span className="truncate font-semibold">{row.customer.name}</span>
            <span className="h-[0.6em] rounded-full bg-muted" aria-hidden>
              <span className="block h-full rounded-full bg-primary" style={{ width: `${Math.max((row.bytes / top) * 100, 1)}%` }} />
            </span>
            <span className="text-right tabular-nums">{formatBytes(row.bytes)}</span>
          </li>
        ))}
      </ul>
      <MoreLine count={data.storage.length - shown.length} what="customers" />
    </div>
  );
}
