"use client";
// An action as it goes: asked for, sent, followed at the vendor to its end; or refused, with the vendor's words;
// or with an outcome nobody knows yet, said plainly. Live while it is open.
import Link from "next/link";
import { CircleCheckIcon, CircleHelpIcon, CircleXIcon, LoaderCircleIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { RelativeTime } from "@/components/common/relative-time";
import { ACTION_LABELS } from "@/lib/schemas/actions";
import { useAction, type ActionDto } from "@/lib/queries/actions";

const TONE: Record<ActionDto["state"], "info" | "default" | "destructive" | "warning"> = {
  sending: "info",
  running: "info",
  succeeded: "default",
  failed: "destructive",
  unknown: "warning",
};

function StateIcon({ state }: { state: ActionDto["state"] }) {
  if (state === "succeeded") return <CircleCheckIcon aria-hidden className="text-success" />;
  if (state === "failed") return <CircleXIcon aria-hidden />;
  if (state === "unknown") return <CircleHelpIcon aria-hidden />;
  return <LoaderCircleIcon aria-hidden className="animate-spin text-primary" />;
}

const STATE_WORDS: Record<ActionDto["state"], string> = {
  sending: "Sending to the vendor…",
  running: "Running at the vendor",
  succeeded: "Done",
  failed: "Did not happen",
  unknown: "Outcome unknown",
};

export function ActionStatus({ id, onRetry }: { id: string; onRetry?: (action: ActionDto) => void }) {
  const query = useAction(id);
  const action = query.data;
  if (!action) return null;
  return (
    <Alert variant={TONE[action.state]} aria-live="polite" data-action-state={action.state}>
      <StateIcon state={action.state} />
      <div className="grid min-w-0 gap-1">
        <span className="font-medium">
          {ACTION_LABELS[action.type]}: {action.job && action.state === "running" ? action.job.stateLabel : STATE_WORDS[action.state]}
        </span>
        {action.message ? <span className="break-words text-foreground/90">{action.message}</span> : null}
        {action.settleUntil && new Date(action.settleUntil) > new Date() ? (
          <span className="text-muted-foreground">
            The vendor advises waiting until <RelativeTime value={action.settleUntil} /> before looking again.
          </span>
        ) : null}
        <span className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
          <span>
            Asked by {action.requestedBy} <RelativeTime value={action.createdAt} />
          </span>
          {action.runId ? (
            <Link href={`/activity/runs/${action.runId}`} className="font-medium text-primary hover:underline">
              Open the run
            </Link>
          ) : null}
          {action.retryable && onRetry ? (
            <button type="button" className="font-medium text-primary hover:underline" onClick={() => onRetry(action)}>
              Try another password
            </button>
          ) : null}
        </span>
      </div>
    </Alert>
  );
}
