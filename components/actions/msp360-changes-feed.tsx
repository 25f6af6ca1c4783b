"use client";
// MSP360 administration changes next to the actions feed (admins only): they are not actions on a backup, so they
// live in the audit log; this lists them where people look for "who changed what at a vendor".
import { ScrollTextIcon } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { useAuditEvents } from "@/lib/queries/audit";

const WORDS: Record<string, string> = {
  "user.create": "Created user",
  "user.update": "Changed user",
  "user.delete": "Deleted user",
  "company.create": "Created company",
  "company.update": "Changed company",
  "company.delete": "Deleted company",
  "package.create": "Created package",
  "package.update": "Changed package",
  "package.delete": "Deleted package",
  "license.grant": "Granted license",
  "license.release": "Released license",
  "license.revoke": "Revoked license",
  "administrator.create": "Created administrator",
  "administrator.update": "Changed administrator",
  "administrator.delete": "Deleted administrator",
  "account.create": "Added storage account",
  "account.update": "Changed storage account",
  "bucket.add": "Added bucket",
  "bucket.update": "Changed bucket",
  "bucket.remove": "Removed bucket",
  "destination.add": "Added destination",
  "destination.update": "Changed destination's package",
  "destination.remove": "Removed destination",
  "computer.authorize": "Authorized computer",
  "computer.deauthorize": "Deauthorized computer",
  "computer.erase": "Erased computer and its backups",
  "builds.request": "Requested builds",
};

/** What the change was about, from what the audit kept (never a password). */
function subject(details: unknown): string | null {
  const d = (details ?? {}) as Record<string, unknown>;
  if (d.operation === "user.delete") return d.mode === "account-and-data" ? "account and its backup data" : "account only, backups kept";
  for (const key of ["email", "name", "displayName", "computerName", "bucket", "destination", "hid"]) if (typeof d[key] === "string") return d[key] as string;
  return null;
}

export function Msp360ChangesFeed() {
  const events = useAuditEvents({ action: "msp360." });
  const items = events.data?.pages.flatMap((page) => page.items).slice(0, 20) ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ScrollTextIcon className="size-4 text-primary" aria-hidden />
          MSP360 administration changes
        </CardTitle>
      </CardHeader>
      <CardContent>
        {events.isPending ? (
          <LoadingRows rows={3} />
        ) : events.isError ? (
          <LoadError error={events.error} onRetry={() => events.refetch()} />
        ) : items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No change made in MSP360 administration yet.</p>
        ) : (
          <ul className="grid divide-y text-sm" aria-label="MSP360 administration changes">
            {items.map((event) => {
              const operation = event.action.replace(/^msp360\./, "");
              const about = subject(event.details);
              return (
                <li key={event.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid="msp360-change">
                  <span className="w-24 shrink-0 text-xs text-muted-foreground">
                    <RelativeTime value={event.at} />
                  </span>
                  <span className="font-medium">{WORDS[operation] ?? operation}</span>
                  {about ? <span className="min-w-0 truncate">{about}</span> : null}
                  {event.outcome !== "success" ? <Badge variant="destructive">Refused</Badge> : null}
                  <span className="ml-auto text-xs text-muted-foreground">by {event.actorLabel ?? "someone"}</span>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
