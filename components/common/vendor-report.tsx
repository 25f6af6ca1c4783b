"use client";
// The vendor's own report of a run or a configuration, read live when the page opens. While it loads the page
// is usable; when the vendor cannot answer, the card says why and offers to try again, and the rest of the page
// (what the app keeps) stays as it is.
import { CircleXIcon, RefreshCwIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { DetailList } from "@/components/common/detail-list";
import { RelativeTime } from "@/components/common/relative-time";
import { StatusBadge } from "@/components/common/status-badge";
import { formatBytes, formatDateTime, formatDuration, formatNumber } from "@/lib/format";
import { useConfigurationReport } from "@/lib/queries/configurations";
import { useRunReport } from "@/lib/queries/runs";
import { VENDOR_INFO, type Vendor } from "@/lib/vendors/catalog";

interface ReportState {
  isPending: boolean;
  isFetching: boolean;
  error: Error | null;
  refetch: () => unknown;
}

function ReportCard({ title, description, state, readAt, children }: { title: string; description: string; state: ReportState; readAt?: string; children?: React.ReactNode }) {
  return (
    <Card aria-busy={state.isPending}>
      <CardHeader className="flex flex-row items-start justify-between gap-4">
        <div className="grid gap-1">
          <CardTitle>{title}</CardTitle>
          <CardDescription>
            {description}
            {readAt ? (
              <>
                {" "}
                Read <RelativeTime value={readAt} />.
              </>
            ) : null}
          </CardDescription>
        </div>
        <Button variant="outline" size="sm" onClick={() => state.refetch()} disabled={state.isFetching}>
          <RefreshCwIcon aria-hidden className={state.isFetching ? "animate-spin" : undefined} />
          Read again
        </Button>
      </CardHeader>
      <CardContent className="grid gap-4">
        {state.isPending ? (
          <div className="grid gap-2" role="status" aria-label="Reading the vendor's report">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="h-5 w-3/5" />
          </div>
        ) : state.error ? (
          <Alert variant="destructive">
            <CircleXIcon aria-hidden />
            <div className="grid gap-0.5">
              <span className="font-medium">The vendor&apos;s report could not be read</span>
              <span className="break-words">{state.error.message}</span>
              <span className="text-foreground/80">What the app keeps of it is shown above.</span>
            </div>
          </Alert>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}

export function RunReportCard({ runId, vendor, running }: { runId: string; vendor: Vendor; running: boolean }) {
  const query = useRunReport(runId, running);
  const who = VENDOR_INFO[vendor].shortLabel;
  const report = query.data?.report;
  return (
    <ReportCard title={`${who} report`} description={`The run as ${who} reports it, read when you opened this page.`} state={query} readAt={query.data?.readAt}>
      {query.data && !report ? (
        <p className="text-sm text-muted-foreground">{who} keeps no separate report for this kind of run; the summary above is all it tells.</p>
      ) : report ? (
        <>
          <DetailList
            className="lg:grid-cols-4"
            items={[
              { label: "State", value: <StatusBadge status={report.status} label={report.stateLabel} /> },
              { label: "Started", value: report.startedAt ? formatDateTime(report.startedAt) : null },
              { label: "Ended", value: report.endedAt ? formatDateTime(report.endedAt) : null },
              { label: "Duration", value: report.durationSeconds === null ? null : formatDuration(report.durationSeconds) },
              { label: "Files", value: report.filesProcessed === null ? null : formatNumber(report.filesProcessed) },
              { label: "Data", value: report.bytes === null ? null : formatBytes(report.bytes) },
              { label: "Errors", value: report.errorCount === null ? null : formatNumber(report.errorCount) },
              ...(report.reason ? [{ label: "Reason", value: report.reason }] : []),
              ...report.fields.map((field) => ({ label: field.label, value: field.value })),
            ]}
          />
          {report.errors.length ? (
            <div className="grid gap-2">
              <h3 className="text-sm font-medium">
                Errors the vendor lists ({report.errors.length}
                {report.errorCount && report.errorCount > report.errors.length ? ` of ${formatNumber(report.errorCount)}` : ""})
              </h3>
              {/* Scrolls when long: focusable, so a keyboard can scroll it too. */}
              <ul className="grid max-h-72 gap-1 overflow-auto rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none" tabIndex={0} aria-label="Errors the vendor lists">
                {report.errors.map((error, index) => (
                  <li key={index} className="rounded-md bg-destructive/5 px-2.5 py-1.5 text-xs">
                    {error.path ? <span className="block font-mono break-all">{error.path}</span> : null}
                    {error.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : null}
    </ReportCard>
  );
}

export function ConfigurationReportCard({ configurationId, vendor }: { configurationId: string; vendor: Vendor }) {
  const query = useConfigurationReport(configurationId);
  const who = VENDOR_INFO[vendor].shortLabel;
  const report = query.data?.report;
  return (
    <ReportCard title={`As ${who} describes it`} description={`The plan as ${who} states it now, read when you opened this page.`} state={query} readAt={query.data?.readAt}>
      {query.data && !report ? (
        <p className="text-sm text-muted-foreground">{who} no longer knows this plan: it was removed at the vendor.</p>
      ) : report ? (
        <DetailList className="lg:grid-cols-3" items={report.fields.map((field) => ({ label: field.label, value: field.value }))} />
      ) : null}
    </ReportCard>
  );
}
