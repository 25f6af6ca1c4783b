"use client";
// Bulk actions of one customer: start backups of all its failed plans, or wake all its offline agents. What will
// happen is listed first; once confirmed, the server sends each target as its own action (its own Idempotency-Key,
// audited), a few at a time, and goes on if this dialog or the browser is closed. The dialog shows each result.
import { useState } from "react";
import Link from "next/link";
import { CircleCheckIcon, CircleHelpIcon, CircleMinusIcon, CirclePlayIcon, CircleXIcon, LoaderCircleIcon, ZapIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { useCan } from "@/components/providers/current-user";
import { ApiError } from "@/lib/api/client";
import { newActionKey, useBulkRun, useBulkTargets, useCreateBulkRun } from "@/lib/queries/actions";
import type { BulkRunDto, BulkTargetsDto } from "@/lib/schemas/bulk-actions";
import { cn } from "@/lib/utils";

type BulkType = BulkTargetsDto["type"];
type ItemState = BulkRunDto["items"][number]["state"];

const WORDS: Record<BulkType, { button: string; title: string; verb: (n: number) => string; empty: string }> = {
  "backup.start": {
    button: "Start backups of failed plans",
    title: "Start backups of all failed plans",
    verb: (n) => `Start ${n} backup${n === 1 ? "" : "s"}`,
    empty: "No plan of this customer has failed: nothing to start.",
  },
  "agent.wake": {
    button: "Wake offline agents",
    title: "Wake all offline agents",
    verb: (n) => `Wake ${n} agent${n === 1 ? "" : "s"}`,
    empty: "No agent of this customer is offline: nothing to wake.",
  },
};

function ItemIcon({ state }: { state: ItemState | undefined }) {
  if (!state || state === "waiting") return <span className="size-4" aria-label={state ? "Waiting" : undefined} />;
  if (state === "sending" || state === "running") return <LoaderCircleIcon className="size-4 animate-spin text-primary" aria-label="Under way" />;
  if (state === "succeeded") return <CircleCheckIcon className="size-4 text-success" aria-label="Done" />;
  if (state === "unknown") return <CircleHelpIcon className="size-4 text-warning-text" aria-label="Outcome unknown" />;
  return <CircleXIcon className="size-4 text-destructive" aria-label="Failed" />;
}

function summary(run: BulkRunDto, impossible: number): string {
  const count = (...states: ItemState[]) => run.items.filter((item) => states.includes(item.state)).length;
  const parts = [`${count("succeeded")} done`, `${count("failed", "refused")} failed`];
  if (count("sending", "running")) parts.unshift(`${count("sending", "running")} under way`);
  if (count("unknown")) parts.push(`${count("unknown")} outcome unknown`);
  if (count("waiting")) parts.push(`${count("waiting")} to send`);
  if (impossible) parts.push(`${impossible} not possible through the vendor's API`);
  return parts.join(" · ");
}

function BulkDialog({ customer, type, onClose }: { customer: { id: string; name: string }; type: BulkType; onClose: () => void }) {
  const preview = useBulkTargets(customer.id, type, true);
  const create = useCreateBulkRun();
  // One key per confirmation: sending again after a lost answer reuses it, so the run starts once.
  const [key, setKey] = useState(newActionKey);
  const [runId, setRunId] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const run = useBulkRun(runId).data;
  const words = WORDS[type];
  const targets = preview.data?.targets ?? [];
  const possible = targets.filter((t) => t.available);
  const impossible = targets.filter((t) => !t.available);
  const items = new Map(run?.items.map((item) => [item.id, item]));

  async function confirm() {
    setSendError(null);
    try {
      const started = await create.mutateAsync({ input: { customerId: customer.id, type, targetIds: possible.map((t) => t.id) }, key });
      setRunId(started.id);
    } catch (error) {
      // A refusal (4xx) started nothing: a new key for the next try. An unreachable app may have started it: same key.
      if (error instanceof ApiError && error.status < 500) setKey(newActionKey());
      setSendError(error instanceof ApiError ? error.message : "The app could not be reached; try again.");
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>
            {words.title} of {customer.name}
          </DialogTitle>
          <DialogDescription>
            {runId
              ? "The server sends them 3 at a time and goes on if you close this: each result shows here as it comes, and in the actions feed."
              : "Nothing is sent yet. Check the list, then confirm: each one is sent as its own action, a few at a time, and recorded in the audit log and the actions feed."}
          </DialogDescription>
        </DialogHeader>
        {preview.isPending ? (
          <LoadingRows rows={3} />
        ) : preview.isError ? (
          <LoadError error={preview.error} onRetry={() => preview.refetch()} />
        ) : targets.length === 0 ? (
          <p className="text-sm text-muted-foreground">{words.empty}</p>
        ) : (
          <ul className="grid divide-y rounded-lg border text-sm" aria-label="Targets" data-testid="bulk-targets">
            {targets.map((target) => {
              const item = items.get(target.id);
              return (
                <li key={target.id} className={cn("grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-0.5 px-3 py-2", !target.available && "opacity-70")} data-testid="bulk-target" data-state={item?.state}>
                  <span className="mt-0.5">{target.available ? <ItemIcon state={item?.state} /> : <CircleMinusIcon className="size-4 text-muted-foreground" aria-label="Not possible" />}</span>
                  <div className="grid min-w-0 gap-0.5">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={target.kind === "configuration" ? `/plans/${target.id}` : `/agents/${target.id}`} className="font-medium hover:underline">
                        {target.label}
                      </Link>
                      <VendorBadge vendor={target.vendor} />
                      {!target.available ? <Badge variant="secondary">Not possible</Badge> : null}
                      {run && target.available && !item ? <Badge variant="secondary">Left out: no longer {type === "backup.start" ? "failed" : "offline"}</Badge> : null}
                    </div>
                    {!target.available ? <span className="text-xs text-muted-foreground">{target.reason}</span> : null}
                    {target.available && !item && target.note ? <span className="text-xs text-muted-foreground">{target.note}</span> : null}
                    {item?.message ? <span className={cn("text-xs", item.state === "refused" || item.state === "failed" ? "text-destructive" : "text-muted-foreground")}>{item.message}</span> : null}
                    {item?.actionId ? (
                      <Link href="/actions" className="text-xs font-medium text-primary hover:underline">
                        Follow it in the actions feed
                      </Link>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {preview.data?.truncated ? <p className="text-xs text-muted-foreground">Only the first {targets.length} are listed; run again for the rest.</p> : null}
        {sendError ? (
          <Alert variant="destructive">
            <CircleXIcon aria-hidden />
            <span>{sendError}</span>
          </Alert>
        ) : null}
        {run ? (
          <p className="text-sm" aria-live="polite" data-testid="bulk-summary">
            {summary(run, impossible.length)}
          </p>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {runId ? "Close" : "Cancel"}
          </Button>
          {!runId ? (
            <Button disabled={possible.length === 0 || create.isPending} onClick={() => void confirm()}>
              {type === "backup.start" ? <CirclePlayIcon aria-hidden /> : <ZapIcon aria-hidden />}
              {sendError ? "Try again" : words.verb(possible.length)}
            </Button>
          ) : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** The two bulk actions of a customer; `offline` (the monitoring count) says how many agents a wake would touch. */
export function CustomerBulkActions({ customer, offline }: { customer: { id: string; name: string }; offline?: number }) {
  const allowed = useCan("technician");
  const [open, setOpen] = useState<BulkType | null>(null);
  if (!allowed) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="customer-bulk-actions">
      <span className="text-sm text-muted-foreground">All of {customer.name}:</span>
      <Button size="sm" variant="outline" onClick={() => setOpen("backup.start")}>
        <CirclePlayIcon aria-hidden />
        {WORDS["backup.start"].button}…
      </Button>
      <Button size="sm" variant="outline" disabled={offline === 0} onClick={() => setOpen("agent.wake")}>
        <ZapIcon aria-hidden />
        {WORDS["agent.wake"].button}
        {offline !== undefined ? ` (${offline})` : ""}…
      </Button>
      {open ? <BulkDialog key={open} customer={customer} type={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
