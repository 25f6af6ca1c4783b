import type { Metadata } from "next";
import Link from "next/link";
import { CableIcon, LayoutDashboardIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/services/connections";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { VendorBadge } from "@/components/connections/vendor-badge";
import { hasRole } from "@/lib/schemas/roles";
import { DemoBanner } from "@/components/demo/demo-controls";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requirePageUser();
  const connections = await listConnections();
  return (
    <>
      <PageHeader title="Overview" description={`Welcome, ${user.name}.`} />
      {connections.length === 0 ? (
        <AwaitingData
          icon={LayoutDashboardIcon}
          role={user.role}
          title="Nothing to show yet"
          description="Backup Console shows the backups of all your customers across MSP360 and Rackspace in one place."
        />
      ) : (
        <div className="grid gap-4">
        {hasRole(user.role, "admin") ? <DemoBanner /> : null}
        <Card>
          <CardHeader>
            <CardTitle>Vendor connections</CardTitle>
            <CardDescription>
              {connections.filter((c) => c.enabled).length} of {connections.length} enabled.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-2">
            {connections.map((c) => (
              <div key={c.id} className="flex items-center gap-3 text-sm">
                <CableIcon className="size-4 text-muted-foreground" aria-hidden />
                <span className="font-medium">{c.name}</span>
                <VendorBadge vendor={c.vendor} />
                {c.isDemo ? <span className="text-xs text-muted-foreground">demo</span> : null}
                {!c.enabled ? <span className="text-muted-foreground">disabled</span> : null}
              </div>
            ))}
            {hasRole(user.role, "admin") ? (
              <div className="pt-2">
                <Button asChild variant="outline" size="sm">
                  <Link href="/settings/connections">Manage connections</Link>
                </Button>
              </div>
            ) : null}
          </CardContent>
        </Card>
        </div>
      )}
    </>
  );
}
