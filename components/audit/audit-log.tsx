"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { ScrollTextIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { useAuditEvents, type AuditFilters } from "@/lib/queries/audit";
import { formatDateTime } from "@/lib/format";

const FILTER_KEYS = ["action", "actor", "outcome", "from", "to"] as const;

const OUTCOME_VARIANT = { success: "success", failure: "destructive", denied: "warning" } as const;

function summarize(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(" · ");
}

/** The audit log with its filters in the URL, so a filtered view can be shared as a link. */
export function AuditLog() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, searchParams.get(key) ?? undefined]).filter(([, v]) => v),
  );
  const events = useAuditEvents(filters);

  function setFilter(key: (typeof FILTER_KEYS)[number], value: string) {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`?${next}`, { scroll: false });
  }

  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="grid grid-cols-1 gap-4">
      <form className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <div className="grid gap-1.5">
          <Label htmlFor="f-action">Action starts with</Label>
          <Input id="f-action" placeholder="e.g. connection." defaultValue={filters.action} onChange={(e) => setFilter("action", e.target.value)} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="f-actor">Actor contains</Label>
          <Input id="f-actor" placeholder="email" defaultValue={filters.actor} onChange={(e) => setFilter("actor", e.target.value)} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="f-outcome">Outcome</Label>
          <NativeSelect id="f-outcome" value={filters.outcome ?? ""} onChange={(e) => setFilter("outcome", e.target.value)}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
            <option value="denied">Denied</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="f-from">From</Label>
          <Input id="f-from" type="date" value={filters.from ?? ""} onChange={(e) => setFilter("from", e.target.value)} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="f-to">To</Label>
          <Input id="f-to" type="date" value={filters.to ?? ""} onChange={(e) => setFilter("to", e.target.value)} />
        </div>
      </form>

      {events.isPending ? (
        <LoadingRows rows={8} />
      ) : events.isError ? (
        <LoadError error={events.error} onRetry={() => events.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState icon={ScrollTextIcon} title="No matching events" description="Change the filters, or come back after someone signs in or changes something." />
      ) : (
        <Card>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Actor</TableHead>
                <TableHead>Action</TableHead>
                <TableHead>Target</TableHead>
                <TableHead>Outcome</TableHead>
                <TableHead>Details</TableHead>
                <TableHead>From</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((event) => (
                <TableRow key={event.id}>
                  <TableCell className="whitespace-nowrap text-xs">{formatDateTime(event.at, { seconds: true })}</TableCell>
                  <TableCell className="text-xs">{event.actorLabel ?? event.actorType}</TableCell>
                  <TableCell className="font-mono text-xs">{event.action}</TableCell>
                  <TableCell className="text-xs">{event.targetLabel ?? event.targetId ?? "—"}</TableCell>
                  <TableCell>
                    <Badge variant={OUTCOME_VARIANT[event.outcome as keyof typeof OUTCOME_VARIANT] ?? "secondary"}>{event.outcome}</Badge>
                  </TableCell>
                  <TableCell className="max-w-80 truncate text-xs text-muted-foreground" title={summarize(event.details)}>
                    {summarize(event.details) || "—"}
                  </TableCell>
                  <TableCell className="text-xs text-muted-foreground">{event.ip ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {events.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="outline" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
            {events.isFetchingNextPage ? "Loading…" : "Load older events"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
