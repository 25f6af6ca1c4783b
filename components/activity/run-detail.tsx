"use client";
import Link from "next/link";
import { ActivityIcon, CircleXIcon, TriangleAlertIcon, InfoIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { BackLink } from "@/components/common/back-link";
import { ActionBar } from "@/components/actions/action-bar";
import { DetailHeader } from "@/components/common/detail-header";
import { DetailList } from "@/components/common/detail-list";
import { DetailState } from "@/components/common/detail-state";
import { JsonView } from "@/components/common/json-view";
import { RelativeTime } from "@/components/common/relative-time";
import { StaleBanner } from "@/components/common/stale";
import { StatusBadge } from "@/components/common/status-badge";
import { RunReportCard } from "@/components/common/vendor-report";
import { formatBytes, formatDateTime, formatDuration, formatNumber } from "@/lib/format";
import { useRun } from "@/lib/queries/runs";
import { RUN_TYPE_LABELS } from "./runs-table";

function When({ value }: { value: string | null }) {
  return value ? (
    <span>
      {formatDateTime(value)}
      <span className="block text-xs text-muted-foreground">
        <RelativeTime value={value} />
      </span>
    </span>
  ) : null;
}

export function RunDetail({ id }: { id: string }) {
  const query = useRun(id);
  const run = query.data;
  if (!run) {
    return (
      <div className="grid grid-cols-1 gap-4">
        <BackLink href="/activity?view=list" label="Activity" />
        <DetailState
          isPending={query.isPending}
          error={query.error}
          onRetry={() => query.refetch()}
          icon={ActivityIcon}
          noun="run"
          backHref="/activity?view=list"
          backLabel="Back to activity"
        />
      </div>
    );
  }
  const typeLabel = RUN_TYPE_LABELS[run.type] ?? run.type;

  return (
    <div className="grid grid-cols-1 gap-6">
      <DetailHeader
        actions={
          <>
            {/* Mounted whether or not the run is running, so a stop asked here stays in view, followed to its end. */}
            {run.type === "backup" || run.type === "restore" ? (
              <ActionBar kind="run" id={run.id} name={`${typeLabel.toLowerCase()} of ${run.endpoint.name}`} vendor={run.vendor} running={run.status === "running"} runType={run.type} />
            ) : null}
            {run.configuration && run.type === "backup" && ["failed", "missed", "stopped", "unknown"].includes(run.status) ? (
              <ActionBar kind="configuration" id={run.configuration.id} name={run.configuration.name} vendor={run.vendor} only={["backup.start"]} />
            ) : null}
          </>
        }
        back={{ href: "/activity?view=list", label: "Activity" }}
        title={run.type === "other" && run.configuration ? `${run.configuration.name} on ${run.endpoint.name}` : `${typeLabel} of ${run.endpoint.name}`}
        status={run.status}
        vendor={run.vendor}
        facts={[
          <>
            {formatDateTime(run.startedAt)} (<RelativeTime value={run.startedAt} />)
          </>,
          run.configuration ? (
            <>
              plan{" "}
              <Link href={`/plans/${run.configuration.id}`} className="font-medium text-foreground hover:underline">
                {run.configuration.name}
              </Link>
            </>
          ) : null,
        ]}
      />
      <StaleBanner />

      {run.message ? (
        <Alert variant={run.status === "failed" ? "destructive" : run.status === "warning" ? "warning" : "default"}>
          {run.status === "failed" ? <CircleXIcon aria-hidden /> : run.status === "warning" ? <TriangleAlertIcon aria-hidden /> : <InfoIcon aria-hidden />}
          <div className="grid gap-0.5">
            <span className="font-medium">{run.status === "failed" ? "Error reported by the vendor" : "Message from the vendor"}</span>
            <span className="break-words">{run.message}</span>
          </div>
        </Alert>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Summary</CardTitle>
        </CardHeader>
        <CardContent>
          <DetailList
            className="lg:grid-cols-4"
            items={[
              { label: "Result", value: <StatusBadge status={run.status} /> },
              { label: "Started", value: <When value={run.startedAt} /> },
              { label: "Ended", value: run.endedAt ? <When value={run.endedAt} /> : run.status === "running" ? "still running" : null },
              { label: "Duration", value: formatDuration(run.durationSeconds) },
              { label: "Data transferred", value: formatBytes(run.bytes) },
              { label: "Files processed", value: formatNumber(run.filesProcessed) },
              {
                label: "Files failed",
                value: run.filesFailed ? <span className="font-medium text-destructive">{formatNumber(run.filesFailed)}</span> : formatNumber(run.filesFailed),
              },
              { label: "Errors", value: formatNumber(run.errorCount) },
              {
                label: "Agent",
                value: (
                  <Link href={`/agents/${run.endpoint.id}`} className="font-medium hover:underline">
                    {run.endpoint.name}
                  </Link>
                ),
              },
              {
                label: "Plan",
                value: run.configuration ? (
                  <Link href={`/plans/${run.configuration.id}`} className="font-medium hover:underline">
                    {run.configuration.name}
                  </Link>
                ) : null,
              },
              { label: "Type", value: typeLabel },
              { label: "Connection", value: run.connection.name },
            ]}
          />
        </CardContent>
      </Card>

      <RunReportCard runId={run.id} vendor={run.vendor} running={run.status === "running"} />

      <JsonView value={run.raw} />
    </div>
  );
}
