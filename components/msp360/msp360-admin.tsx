"use client";
// MSP360 administration of one MSP360 account, in MSP360's own words: users, companies, packages, licenses,
// storage, administrators, builds and computers, each a tab (kept in the URL, so a link opens the same tab).
import { useEffect } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { BuildingIcon, ExternalLinkIcon } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { LoadError, LoadingRows } from "@/components/common/query-state";
import { BackLink } from "@/components/common/back-link";
import { useUrlState } from "@/components/common/use-url-state";
import { PageHeader } from "@/components/shell/page-header";
import { useConnections } from "@/lib/queries/connections";
import { VENDOR_INFO } from "@/lib/vendors/catalog";
import { AdministratorsTab } from "./administrators-tab";
import { BuildsTab } from "./builds-tab";
import { CompaniesTab, PackagesTab } from "./companies-tab";
import { ComputersTab } from "./computers-tab";
import { LicensesTab } from "./licenses-tab";
import { StorageTab } from "./storage-tab";
import { UsersTab } from "./users-tab";

const TABS = [
  { value: "users", label: "Users", Tab: UsersTab },
  { value: "licenses", label: "Licenses", Tab: LicensesTab },
  { value: "companies", label: "Companies", Tab: CompaniesTab },
  { value: "packages", label: "Packages", Tab: PackagesTab },
  { value: "storage", label: "Storage", Tab: StorageTab },
  { value: "administrators", label: "Administrators", Tab: AdministratorsTab },
  { value: "builds", label: "Builds", Tab: BuildsTab },
  { value: "computers", label: "Computers", Tab: ComputersTab },
] as const;

function useMsp360Connections() {
  const connections = useConnections();
  return { ...connections, msp360: (connections.data ?? []).filter((c) => c.vendor === "msp360") };
}

/** The MSP360 accounts to administer; with one, it opens at once. */
export function Msp360ConnectionPicker() {
  const connections = useMsp360Connections();
  const router = useRouter();
  const only = connections.msp360.length === 1 ? connections.msp360[0] : null;
  useEffect(() => {
    if (only) router.replace(`/settings/msp360/${only.id}`);
  }, [only, router]);
  if (connections.isPending || only) return <LoadingRows />;
  if (connections.isError) return <LoadError error={connections.error} onRetry={() => connections.refetch()} />;
  if (connections.msp360.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No MSP360 account is connected.{" "}
        <Link href="/settings/connections" className="font-medium text-primary hover:underline">
          Add one under Connections
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {connections.msp360.map((connection) => (
        <Link key={connection.id} href={`/settings/msp360/${connection.id}`} className="rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
          <Card className="h-full transition-colors hover:bg-accent/50">
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                <BuildingIcon className="size-4 text-primary" aria-hidden />
                {connection.name}
              </CardTitle>
              <CardDescription>{connection.enabled ? "Users, licenses, storage, builds…" : "Disabled connection"}</CardDescription>
            </CardHeader>
          </Card>
        </Link>
      ))}
    </div>
  );
}

export function Msp360Admin({ connectionId }: { connectionId: string }) {
  const connections = useMsp360Connections();
  const url = useUrlState();
  const tab = TABS.some((t) => t.value === url.get("tab")) ? url.get("tab") : "users";
  const connection = connections.msp360.find((c) => c.id === connectionId);
  const several = connections.msp360.length > 1;
  // On a phone the tab strip scrolls: keep the open tab in sight.
  useEffect(() => {
    document.querySelector('[role="tab"][data-state="active"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [tab]);

  return (
    <>
      {several ? <BackLink href="/settings/msp360" label="MSP360 accounts" /> : null}
      <PageHeader
        title={connection ? `MSP360: ${connection.name}` : "MSP360 administration"}
        description={
          <>
            Read live from MSP360 (at most 30 seconds old); each change goes to MSP360 at once and is written to the audit log.{" "}
            <a href={VENDOR_INFO.msp360.consoleUrl} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
              MSP360 console
              <ExternalLinkIcon className="size-3" aria-hidden />
            </a>
          </>
        }
      />
      {connections.isSuccess && !connection ? (
        <p className="text-sm text-muted-foreground">
          This is not an MSP360 connection.{" "}
          <Link href="/settings/msp360" className="font-medium text-primary hover:underline">
            Choose an MSP360 account
          </Link>
          .
        </p>
      ) : (
        <Tabs value={tab} onValueChange={(value) => url.set({ tab: value === "users" ? null : value })} className="grid grid-cols-1 gap-4">
          <div className="-mx-1 overflow-x-auto px-1 pb-1">
            <TabsList>
              {TABS.map((t) => (
                <TabsTrigger key={t.value} value={t.value}>
                  {t.label}
                </TabsTrigger>
              ))}
            </TabsList>
          </div>
          {TABS.map(({ value, Tab }) => (
            <TabsContent key={value} value={value}>
              {tab === value ? <Tab connectionId={connectionId} /> : null}
            </TabsContent>
          ))}
        </Tabs>
      )}
    </>
  );
}
