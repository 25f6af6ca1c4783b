"use client";
import Link from "next/link";
import { ActivityIcon, CircleXIcon, ExternalLinkIcon, TriangleAlertIcon, InfoIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { BackLink } from "@/components/inventory/back-link";
import { DetailList } from "@/components/common/detail-list";
import { DetailState } from "@/components/common/detail-state";
import { JsonView } from "@/components/common/json-view";
import { RelativeTime } from "@/components/common/relative-time";
import { StaleBanner } from "@/components/common/stale";
import { StatusBadge } from "@/components/common/status-badge";
import { formatBytes, formatDateTime, formatDuration, formatNumber } from "@/lib/format";
import { useRun } from "@/lib/queries/runs";
import { VENDOR_INFO, type Vendor } from "@/lib/vendors/catalog";
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

/** "FilesScanned" → "Files scanned"; "ErrorMessage" → "Error message". */
function humanize(key: string): string {
  const spaced = key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const BYTES_KEY = /(data|bytes|size)(copied|tobackup|transferred|total)?$|^(total|data)/i;
const MS_DATE = /^\/Date\((-?\d+)\)\/$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A vendor field rendered for people: links, dates (including Rackspace's /Date(ms)/), sizes and counts. */
function VendorValue({ name, value }: { name: string; value: string | number | boolean }) {
  if (typeof value === "boolean") return <>{value ? "Yes" : "No"}</>;
  if (typeof value === "number") {
    if (BYTES_KEY.test(name) && value >= 1024) return <span title={`${formatNumber(value)} bytes`}>{formatBytes(value)}</span>;
    return <span className="tabular-nums">{formatNumber(value)}</span>;
  }
  if (/^https?:\/\//.test(value)) {
    return (
      <a href={value} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 break-all text-primary hover:underline">
        Open in the vendor console
        <ExternalLinkIcon className="size-3.5 shrink-0" aria-hidden />
      </a>
    );
  }
  const ms = MS_DATE.exec(value);
  if (ms) return <>{formatDateTime(new Date(Number(ms[1])))}</>;
  if (ISO_DATE.test(value)) {
    // Without an offset the vendor means its own (UTC) clock.
    const date = new Date(/Z|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
    if (!Number.isNaN(date.getTime())) return <>{formatDateTime(date)}</>;
  }
  return <>{value || <span className="text-muted-foreground">—</span>}</>;
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
  const raw = run.raw && typeof run.raw === "object" && !Array.isArray(run.raw) ? (run.raw as Record<string, unknown>) : {};
  const report = Object.entries(raw).filter((entry): entry is [string, string | number | boolean] => ["string", "number", "boolean"].includes(typeof entry[1]));
  const vendorLabel = VENDOR_INFO[run.vendor as Vendor]?.shortLabel ?? run.vendor;
  const typeLabel = RUN_TYPE_LABELS[run.type] ?? run.type;

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid grid-cols-1 gap-3">
        <BackLink href="/activity?view=list" label="Activity" />
        <header className="grid gap-2">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            {typeLabel} of {run.endpoint.name}
            <StatusBadge status={run.status} size="lg" />
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <VendorBadge vendor={run.vendor as Vendor} />
            <span>{formatDateTime(run.startedAt)}</span>
            <span>
              (<RelativeTime value={run.startedAt} />)
            </span>
            {run.configuration ? (
              <span>
                · plan{" "}
                <Link href={`/plans/${run.configuration.id}`} className="font-medium text-foreground hover:underline">
                  {run.configuration.name}
                </Link>
              </span>
            ) : null}
          </p>
        </header>
      </div>
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

      {report.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{vendorLabel} report</CardTitle>
            <CardDescription>The fields {vendorLabel} reported for this run, as it reported them.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 sm:grid-cols-2">
              {report.map(([key, value]) => (
                <div key={key} className="grid grid-cols-[minmax(8rem,40%)_1fr] gap-3 border-b py-1.5 text-sm last:border-0 sm:[&:nth-last-child(2)]:border-0">
                  <dt className="text-muted-foreground">{humanize(key)}</dt>
                  <dd className="min-w-0 break-words">
                    <VendorValue name={key} value={value} />
                  </dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      ) : null}

      <JsonView value={run.raw} />
    </div>
  );
}
