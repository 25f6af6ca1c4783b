"use client";
// Bulk actions of one customer: start backups of all its failed plans, or wake all its offline agents. What will
// happen is listed first; then each target is sent as its own action (its own Idempotency-Key, audited), a few at
// a time, and each result is shown as it comes.
import { useState } from "react";
import Link from "next/link";
import pLimit from "p-limit";
import { CircleCheckIcon, CircleMinusIcon, CirclePlayIcon, CircleXIcon, LoaderCircleIcon, ZapIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { useCan } from "@/components/providers/current-user";
import { ApiError } from "@/lib/api/client";
import { newActionKey, useBulkTargets, useCreateAction } from "@/lib/queries/actions";
import type { BulkTargetsDto } from "@/lib/schemas/bulk-actions";
import { cn } from "@/lib/utils";

/** How many actions are in flight at once: enough to be quick, few enough to spare the vendor's rate limits. */
const CONCURRENCY = 3;

type BulkType = BulkTargetsDto["type"];
type Target = BulkTargetsDto["targets"][number];

interface Outcome {
  state: "waiting" | "sending" | "started" | "done" | "refused" | "not-sent" | "skipped";
  message: string | null;
  actionId?: string;
}

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

function OutcomeIcon({ outcome }: { outcome: Outcome | undefined }) {
  if (!outcome || outcome.state === "waiting") return <span className="size-4" aria-hidden />;
  if (outcome.state === "sending") return <LoaderCircleIcon className="size-4 animate-spin text-primary" aria-label="Sending" />;
  if (outcome.state === "started" || outcome.state === "done") return <CircleCheckIcon className="size-4 text-success" aria-label="Sent" />;
  if (outcome.state === "skipped") return <CircleMinusIcon className="size-4 text-muted-foreground" aria-label="Skipped" />;
  return <CircleXIcon className="size-4 text-destructive" aria-label="Failed" />;
}

function BulkDialog({ customer, type, onClose }: { customer: { id: string; name: string }; type: BulkType; onClose: () => void }) {
  const preview = useBulkTargets(customer.id, type, true);
  const create = useCreateAction();
  // One key per target, made when the preview opens: sending again after a lost answer reuses it, so nothing runs twice.
  const [keys] = useState(() => new Map<string, string>());
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [phase, setPhase] = useState<"preview" | "running" | "done">("preview");
  const words = WORDS[type];
  const targets = preview.data?.targets ?? [];
  const possible = targets.filter((t) => t.available);
  const impossible = targets.filter((t) => !t.available);

  const keyOf = (target: Target) => keys.get(target.id) ?? keys.set(target.id, newActionKey()).get(target.id)!;
  const setOutcome = (id: string, outcome: Outcome) => setOutcomes((all) => ({ ...all, [id]: outcome }));

  async function send(target: Target) {
    setOutcome(target.id, { state: "sending", message: null });
    try {
      const action = await create.mutateAsync({ input: { type, targetId: target.id }, key: keyOf(target) });
      const state: Outcome["state"] = action.state === "failed" ? "refused" : action.state === "succeeded" ? "done" : "started";
      setOutcome(target.id, { state, message: action.message, actionId: action.id });
    } catch (error) {
      // A refusal (4xx) means nothing was sent; an unreachable app may have sent it: the same key is reused on a retry.
      const refused = error instanceof ApiError && error.status < 500;
      if (refused) keys.delete(target.id);
      setOutcome(target.id, { state: refused ? "refused" : "not-sent", message: error instanceof ApiError ? error.message : "The app could not be reached; try again." });
    }
  }

  async function run(list: Target[]) {
    setPhase("running");
    for (const target of list) setOutcome(target.id, { state: "waiting", message: null });
    const limit = pLimit(CONCURRENCY);
    await Promise.all(list.map((target) => limit(() => send(target))));
    setPhase("done");
  }

  const counts = Object.values(outcomes).reduce((acc, o) => ({ ...acc, [o.state]: (acc[o.state] ?? 0) + 1 }), {} as Record<string, number>);
  const retryable = possible.filter((t) => outcomes[t.id]?.state === "not-sent");

  return (
    <Dialog open onOpenChange={(open) => !open && phase !== "running" && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>
            {words.title} of {customer.name}
          </DialogTitle>
          <DialogDescription>
            {phase === "preview"
              ? "Nothing is sent yet. Check the list, then confirm: each one is sent as its own action, a few at a time, and recorded in the audit log and the actions feed."
              : `${CONCURRENCY} at a time. Each result shows as it comes.`}
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
              const outcome = outcomes[target.id];
              return (
                <li key={target.id} className={cn("grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-0.5 px-3 py-2", !target.available && "opacity-70")} data-testid="bulk-target">
                  <span className="mt-0.5">{target.available ? <OutcomeIcon outcome={outcome} /> : <CircleMinusIcon className="size-4 text-muted-foreground" aria-label="Not possible" />}</span>
                  <div className="grid min-w-0 gap-0.5">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={target.kind === "configuration" ? `/plans/${target.id}` : `/agents/${target.id}`} className="font-medium hover:underline">
                        {target.label}
                      </Link>
                      <VendorBadge vendor={target.vendor} />
                      {!target.available ? <Badge variant="secondary">Not possible</Badge> : null}
                    </div>
                    {!target.available ? <span className="text-xs text-muted-foreground">{target.reason}</span> : null}
                    {target.available && !outcome && target.note ? <span className="text-xs text-muted-foreground">{target.note}</span> : null}
                    {outcome?.message ? <span className={cn("text-xs", outcome.state === "refused" || outcome.state === "not-sent" ? "text-destructive" : "text-muted-foreground")}>{outcome.message}</span> : null}
                    {outcome?.actionId ? (
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
        {phase !== "preview" ? (
          <p className="text-sm" aria-live="polite" data-testid="bulk-summary">
            {counts.started ?? 0} started · {counts.done ?? 0} done · {(counts.refused ?? 0) + (counts["not-sent"] ?? 0)} failed
            {counts.sending || counts.waiting ? ` · ${(counts.sending ?? 0) + (counts.waiting ?? 0)} to go` : ""}
            {impossible.length ? ` · ${impossible.length} not possible through the vendor's API` : ""}
          </p>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={onClose} disabled={phase === "running"}>
            {phase === "preview" ? "Cancel" : "Close"}
          </Button>
          {phase === "preview" ? (
            <Button disabled={possible.length === 0} onClick={() => void run(possible)}>
              {type === "backup.start" ? <CirclePlayIcon aria-hidden /> : <ZapIcon aria-hidden />}
              {words.verb(possible.length)}
            </Button>
          ) : phase === "done" && retryable.length ? (
            <Button onClick={() => void run(retryable)}>Send the {retryable.length} not sent again</Button>
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
