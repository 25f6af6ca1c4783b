"use client";
import Link from "next/link";
import { ActivityIcon, ClipboardListIcon, FolderMinusIcon, FolderPlusIcon, LockIcon, LockOpenIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ActionBar } from "@/components/actions/action-bar";
import { DetailHeader } from "@/components/common/detail-header";
import { ConfigurationReportCard } from "@/components/common/vendor-report";
import { RawVendorSection, RecentRunsSection } from "@/components/activity/recent-runs";
import { DetailList } from "@/components/common/detail-list";
import { DetailState } from "@/components/common/detail-state";
import { RelativeTime } from "@/components/common/relative-time";
import { StaleBanner, StaleMark, useStaleConnections } from "@/components/common/stale";
import { StatusBadge } from "@/components/common/status-badge";
import { formatDateTime, formatDuration } from "@/lib/format";
import { useConfiguration } from "@/lib/queries/configurations";
import { useCustomers } from "@/lib/queries/customers";
import { BackLink } from "@/components/common/back-link";
import { Enabled, NextRun } from "./plan-cells";

function When({ value, fallback = "never" }: { value: string | null; fallback?: string }) {
  return value ? (
    <span>
      <RelativeTime value={value} />
      <span className="block text-xs text-muted-foreground">{formatDateTime(value)}</span>
    </span>
  ) : (
    <span className="text-muted-foreground">{fallback}</span>
  );
}

const KNOWN_DETAILS = ["inclusions", "exclusions", "retention", "notifications", "encrypted", "destination"];

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))) : [];
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
}

function PathList({ paths, empty, icon: Icon, tone }: { paths: string[]; empty: string; icon: typeof FolderPlusIcon; tone: string }) {
  if (paths.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="grid max-h-72 gap-1 overflow-auto">
      {paths.map((path, i) => (
        <li key={`${path}-${i}`} className="flex items-start gap-2 rounded-md bg-muted/50 px-2.5 py-1.5 font-mono text-xs break-all">
          <Icon className={`mt-px size-3.5 shrink-0 ${tone}`} aria-hidden />
          {path}
        </li>
      ))}
    </ul>
  );
}

export function PlanDetail({ id }: { id: string }) {
  const query = useConfiguration(id);
  const stale = useStaleConnections();
  const customers = useCustomers();
  const c = query.data;
  if (!c) {
    return (
      <div className="grid grid-cols-1 gap-4">
        <BackLink href="/plans" label="Backup plans" />
        <DetailState
          isPending={query.isPending}
          error={query.error}
          onRetry={() => query.refetch()}
          icon={ClipboardListIcon}
          noun="backup plan"
          backHref="/plans"
          backLabel="Back to backup plans"
        />
      </div>
    );
  }
  const details = asRecord(c.details);
  const inclusions = asStrings(details.inclusions);
  const exclusions = asStrings(details.exclusions);
  const otherDetails = Object.entries(details).filter(([key]) => !KNOWN_DETAILS.includes(key));
  const customer = c.customerId ? customers.data?.items.find((x) => x.id === c.customerId) : undefined;
  const encrypted = details.encrypted;

  return (
    <div className="grid grid-cols-1 gap-6">
      <DetailHeader
        back={{ href: "/plans", label: "Backup plans" }}
        title={c.name}
        status={c.status}
        vendor={c.vendor}
        facts={[
          c.type,
          <>
            on{" "}
            <Link href={`/agents/${c.endpoint.id}`} className="font-medium text-foreground hover:underline">
              {c.endpoint.name}
            </Link>
          </>,
          customer?.name,
        ]}
        removed={c.removed}
        notice={
          c.status === "missed" && c.missedSince ? (
            <p className="text-sm font-medium text-missed-text">
              Missed since <RelativeTime value={c.missedSince} /> ({formatDateTime(c.missedSince)}): no successful run within the schedule.
            </p>
          ) : null
        }
        actions={
          <>
            <ActionBar
              kind="configuration"
              id={c.id}
              name={c.name}
              vendor={c.vendor}
              enabled={c.enabled}
              planForm={!c.removed}
              restore={{ configurationId: c.id, endpointId: c.endpoint.id, endpointName: c.endpoint.name, connectionId: c.connection.id, inclusions }}
            />
            <Button asChild variant="outline" size="sm">
              <Link href={`/activity?view=list&configurationId=${c.id}`}>
                <ActivityIcon aria-hidden />
                All runs
              </Link>
            </Button>
          </>
        }
      />
      <StaleBanner />

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Schedule and results</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList
              className="lg:grid-cols-2"
              items={[
                { label: "Schedule", value: c.schedule.description || c.schedule.kind },
                {
                  label: "Longest allowed gap",
                  value: c.schedule.expectedIntervalMinutes ? formatDuration(c.schedule.expectedIntervalMinutes * 60) : "manual, not checked for missed runs",
                },
                { label: "Last result", value: <StatusBadge status={c.lastStatus} /> },
                { label: "Last run", value: <When value={c.lastRunAt} /> },
                { label: "Last success", value: <When value={c.lastSuccessAt} /> },
                // A plan removed at the vendor runs no more: no next run, and no switch that means anything.
                { label: "Next expected run", value: c.removed ? "none: removed at the vendor" : <NextRun at={c.nextRunAt} enabled={c.enabled} /> },
                { label: "Enabled", value: c.removed ? "removed at the vendor" : <Enabled enabled={c.enabled} /> },
                {
                  label: "Connection",
                  value: (
                    <span className="inline-flex items-center gap-1.5">
                      {c.connection.name}
                      <StaleMark info={stale.forConnection(c.connection.id)} />
                    </span>
                  ),
                },
                { label: "Vendor id", value: <span className="font-mono text-xs">{c.vendorId}</span> },
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Protection</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList
              className="sm:grid-cols-1 lg:grid-cols-1"
              items={[
                { label: "Retention", value: text(details.retention) },
                {
                  label: "Encryption",
                  value:
                    encrypted === true ? (
                      <span className="inline-flex items-center gap-1.5">
                        <LockIcon className="size-4 text-success" aria-hidden /> Encrypted
                      </span>
                    ) : encrypted === false ? (
                      <span className="inline-flex items-center gap-1.5 text-missed-text">
                        <LockOpenIcon className="size-4" aria-hidden /> Not encrypted
                      </span>
                    ) : null,
                },
                { label: "Destination", value: text(details.destination) },
                { label: "Notifications", value: text(details.notifications) },
                ...otherDetails.map(([key, value]) => ({ label: key.replace(/([a-z])([A-Z])/g, "$1 $2"), value: text(value) })),
              ]}
            />
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Backed up ({inclusions.length})</CardTitle>
          </CardHeader>
          <CardContent>
            <PathList paths={inclusions} icon={FolderPlusIcon} tone="text-success" empty="The vendor does not list the selection for this plan." />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Excluded ({exclusions.length})</CardTitle>
          </CardHeader>
          <CardContent>
            <PathList paths={exclusions} icon={FolderMinusIcon} tone="text-muted-foreground" empty="Nothing excluded." />
          </CardContent>
        </Card>
      </div>

      <ConfigurationReportCard configurationId={c.id} vendor={c.vendor} />

      <RecentRunsSection runs={c.runs} allRunsHref={`/activity?view=list&configurationId=${c.id}`} subject="plan" hide="plan" />
      <RawVendorSection vendor={c.vendor} subject="plan" raw={c.raw} />
    </div>
  );
}
