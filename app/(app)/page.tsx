import type { Metadata } from "next";
import { Suspense } from "react";
import { LayoutDashboardIcon } from "lucide-react";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/services/connections";
import { PageHeader } from "@/components/shell/page-header";
import { AwaitingData } from "@/components/shell/awaiting-data";
import { hasRole } from "@/lib/schemas/roles";
import { DemoBanner } from "@/components/demo/demo-controls";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { LoadingRows } from "@/components/common/query-state";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requirePageUser();
  const connections = await listConnections();
  return (
    <>
      <PageHeader title="Overview" description={`Welcome, ${user.name}. Backups of every customer across MSP360 and Rackspace.`} />
      {connections.length === 0 ? (
        <AwaitingData
          icon={LayoutDashboardIcon}
          role={user.role}
          title="Nothing to show yet"
          description="Backup Console shows the backups of all your customers across MSP360 and Rackspace in one place."
        />
      ) : (
        <div className="grid grid-cols-1 gap-6">
          {hasRole(user.role, "admin") ? <DemoBanner /> : null}
          <Suspense fallback={<LoadingRows rows={6} />}>
            <OverviewDashboard role={user.role} />
          </Suspense>
        </div>
      )}
    </>
  );
}
